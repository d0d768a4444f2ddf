using Collab.Data;

namespace Collab.Evaluation;

/// <summary>
/// The user/item bias model without factors: r̂ = μ + b_u + b_i, with damped means fitted in one pass each
/// (b_i = Σ(r − μ)/(n_i + λ), then b_u = Σ(r − μ − b_i)/(n_u + λ)). Unknown ids have bias 0.
/// </summary>
public sealed class BiasBaseline : IItemScorer
{
    /// <summary>The damping λ: a user or item with λ ratings gets half its raw mean offset.</summary>
    public const double DefaultDamping = 10;

    private readonly float _mean;
    private readonly float[] _userBias;
    private readonly float[] _itemBias;

    private BiasBaseline(float mean, float[] userBias, float[] itemBias)
    {
        _mean = mean;
        _userBias = userBias;
        _itemBias = itemBias;
    }

    /// <inheritdoc />
    public string Name => "user-item-bias";

    /// <inheritdoc />
    public bool PredictsRatings => true;

    /// <summary>Fits the biases on encoded training rows.</summary>
    public static BiasBaseline Fit(EncodedRatings train, int userCount, int itemCount, double damping = DefaultDamping)
    {
        ArgumentNullException.ThrowIfNull(train);
        float mean = GlobalMeanBaseline.Fit(train).Mean;
        var users = train.Users;
        var items = train.Items;
        var ratings = train.Ratings;
        var itemSums = new double[itemCount];
        var itemCounts = new int[itemCount];
        for (int r = 0; r < train.Count; r++)
        {
            itemSums[items[r]] += ratings[r] - mean;
            itemCounts[items[r]]++;
        }
        var itemBias = new float[itemCount];
        for (int i = 0; i < itemCount; i++)
            itemBias[i] = (float)(itemSums[i] / (itemCounts[i] + damping));
        var userSums = new double[userCount];
        var userCounts = new int[userCount];
        for (int r = 0; r < train.Count; r++)
        {
            userSums[users[r]] += ratings[r] - mean - itemBias[items[r]];
            userCounts[users[r]]++;
        }
        var userBias = new float[userCount];
        for (int u = 0; u < userCount; u++)
            userBias[u] = (float)(userSums[u] / (userCounts[u] + damping));
        return new BiasBaseline(mean, userBias, itemBias);
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        for (int b = 0; b < users.Length; b++)
            predictions[b] = _mean + _userBias[users[b]] + _itemBias[items[b]];
    }

    /// <inheritdoc />
    public void ScoreAll(int user, Span<float> scores)
    {
        for (int i = 0; i < scores.Length; i++)
            scores[i] = _mean + _userBias[user] + _itemBias[i];
    }
}
