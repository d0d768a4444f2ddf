using Collab.Persistence;

namespace Collab.ColdStart;

/// <summary>
/// The chance that a new user has seen each item, given what they said they have and have not seen. Each
/// trained user u is a profile: u would have seen item j with chance ρᵤ(j) = (1 − α)·[u rated j] + α·pⱼ
/// (pⱼ the share of users who rated j). The answers weigh the profiles by their likelihood, and the chance
/// of j is the weighted mean of ρᵤ(j): "people who saw what you saw also saw this". With no answers it is pⱼ.
/// </summary>
internal sealed class SeenModel
{
    /// <summary>α: how much of a profile is the population's chance rather than that user's own ratings.</summary>
    internal const double Smoothing = 0.2;

    private readonly int[] _raterOffsets;
    private readonly int[] _raters;
    private readonly int _users;
    private readonly bool[] _trained;

    public SeenModel(TrainedModel trained, int[] itemCounts)
    {
        _users = trained.Users.Count;
        double raters = Math.Max(1, Enumerable.Range(0, _users).Count(u => trained.Interactions.CountOf(u) > 0));
        Shares = [.. itemCounts.Select(c => Math.Min(1, c / raters))];
        Shares[0] = 0;
        var interactions = trained.Interactions;
        int items = trained.Items.Count;
        _raterOffsets = new int[items + 1];
        foreach (int item in interactions.AllItems)
            _raterOffsets[item + 1]++;
        for (int i = 0; i < items; i++)
            _raterOffsets[i + 1] += _raterOffsets[i];
        _trained = new bool[_users];
        _raters = new int[interactions.Count];
        var next = _raterOffsets[..^1];
        for (int u = 0; u < _users; u++)
        {
            foreach (int item in interactions.ItemsOf(u))
                _raters[next[item]++] = u;
            _trained[u] = interactions.CountOf(u) > 0;
        }
    }

    /// <summary>pⱼ, the share of trained users who rated each item.</summary>
    public double[] Shares { get; }

    /// <summary>The weight of each trained user's profile given the items seen and not seen (sums to 1).</summary>
    public double[] Posterior(IEnumerable<int> seen, IEnumerable<int> notSeen)
    {
        var logWeight = new double[_users];
        foreach (int item in seen)
            Answer(logWeight, item, rated: 1 - Smoothing + Smoothing * Shares[item], unrated: Smoothing * Shares[item]);
        foreach (int item in notSeen)
            Answer(logWeight, item, rated: Smoothing * (1 - Shares[item]), unrated: 1 - Smoothing * Shares[item]);
        return Normalise(logWeight);
    }

    /// <summary>The chance of every item (by row) under the profile weights.</summary>
    public double[] Chances(double[] posterior)
    {
        var chances = new double[Shares.Length];
        for (int item = 1; item < chances.Length; item++)
        {
            double raters = 0;
            foreach (int u in _raters.AsSpan(_raterOffsets[item], _raterOffsets[item + 1] - _raterOffsets[item]))
                raters += posterior[u];
            chances[item] = Smoothing * Shares[item] + (1 - Smoothing) * raters;
        }
        return chances;
    }

    /// <summary>Multiplies the weight of the item's raters by rated / unrated (everyone else keeps theirs: only ratios matter).</summary>
    private void Answer(double[] logWeight, int item, double rated, double unrated)
    {
        if (unrated <= 0 || rated <= 0)
            return;
        double lift = Math.Log(rated / unrated);
        foreach (int u in _raters.AsSpan(_raterOffsets[item], _raterOffsets[item + 1] - _raterOffsets[item]))
            logWeight[u] += lift;
    }

    /// <summary>Softmax over the trained users (users without ratings get no weight).</summary>
    private double[] Normalise(double[] logWeight)
    {
        double max = double.NegativeInfinity;
        for (int u = 0; u < _users; u++)
        {
            if (_trained[u])
                max = Math.Max(max, logWeight[u]);
        }
        double total = 0;
        var posterior = new double[_users];
        for (int u = 0; u < _users; u++)
        {
            posterior[u] = _trained[u] ? Math.Exp(logWeight[u] - max) : 0;
            total += posterior[u];
        }
        for (int u = 0; u < _users; u++)
            posterior[u] /= total;
        return posterior;
    }
}
