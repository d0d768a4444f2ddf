using Collab.Data;
using Collab.Persistence;
using Collab.Models;
using Collab.Recommend.Approximate;

namespace Collab.Recommend;

/// <summary>
/// Answers questions with a trained model by raw ids: a rating (<see cref="Predict"/>), the best unseen items
/// for a user (<see cref="Recommend"/>), and the nearest items or users (<see cref="SimilarItems"/>).
/// Read-only after construction; safe to share between threads.
/// </summary>
public sealed partial class Predictor
{
    private readonly TrainedModel _trained;
    private readonly Lazy<FactorColumns> _itemColumns;
    private readonly Lazy<ItemPanels> _itemPanels;
    private readonly Lazy<FactorColumns> _userColumns;
    private readonly int[] _untrainedItems;
    private readonly int[] _itemCounts;
    private readonly Lazy<RowScorer> _rows;
    private readonly Func<float, float> _clip;
    private readonly bool _byScore;

    /// <summary>Creates a predictor over a trained model, with the approximate index above its default threshold.</summary>
    public Predictor(TrainedModel trained)
        : this(trained, ApproximateOptions.Default)
    {
    }

    /// <summary>Creates a predictor over a trained model, saying when top-N queries use the approximate index.</summary>
    public Predictor(TrainedModel trained, ApproximateOptions approximate)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(approximate);
        approximate.Validate();
        _trained = trained;
        _approximate = approximate;
        Stats = trained.Stats;
        // #na# and items seen only in validation have no learned factors: never recommend them.
        var counts = _itemCounts = Stats.ItemCounts.ToArray();
        _untrainedItems = [.. Enumerable.Range(0, counts.Length).Where(i => counts[i] == 0)];
        _trainedItems = [.. Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0)];
        // Built on first use too: hundreds of thousands of items take seconds to index.
        _scoreIndex = new(BuildScoreIndex);
        _cosineIndex = new(BuildCosineIndex);
        // Built on first use: a plain rating prediction never needs the column-major copies.
        _itemColumns = new(() => new FactorColumns(trained.FactorsFor("Similar items").ItemFactors));
        _userColumns = new(() => new FactorColumns(trained.FactorsFor("Similar users").UserFactors));
        _itemPanels = new(() => new ItemPanels(trained.FactorsFor("Recommendations").ItemFactors));
        _rows = new(() => RowScorer.For(trained));
        _byScore = !ModelKindTraits.PredictsRatings(trained.Kind);
        // Rating models return ratings on the data's own scale; the raw score still orders rankings.
        _clip = ModelKindTraits.PredictsRatings(trained.Kind) && trained.Summary.RatingScale is [var low, var high]
            ? score => Math.Clamp(score, low, high)
            : score => score;
    }

    /// <summary>Training rating counts and means per user and item.</summary>
    public InteractionStats Stats { get; }

    /// <summary>Whether the user had training ratings.</summary>
    public bool IsKnownUser(string user) => TryGetUser(user, out _);

    /// <summary>Whether the item had training ratings.</summary>
    public bool IsKnownItem(string item) => TryGetItem(item, out _);

    /// <summary>Predicts one rating; unknown ids fall back to the #na# rows, as fastai does, and say so.</summary>
    public Prediction Predict(string user, string item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        bool userKnown = TryGetUser(user, out int u);
        bool itemKnown = TryGetItem(item, out int i);
        var basis = (userKnown, itemKnown) switch
        {
            (true, true) => PredictionBasis.Model,
            (false, true) => PredictionBasis.UnknownUser,
            (true, false) => PredictionBasis.UnknownItem,
            _ => PredictionBasis.UnknownUserAndItem,
        };
        Span<float> prediction = stackalloc float[1];
        _trained.Model.Predict([u], [i], prediction);
        return new Prediction(user, item, _clip(prediction[0]), basis);
    }

    /// <summary>Predicts many pairs, in input order.</summary>
    public IEnumerable<Prediction> PredictMany(IEnumerable<(string User, string Item)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (user, item) in pairs)
            yield return Predict(user, item);
    }

    // Known means trained: an id in the vocabulary without training ratings (vocabulary over all rows) has only
    // initial, decayed factors. Index 0 (#na#) when unknown, which is the row fastai would use.
    private bool TryGetUser(string user, out int row) =>
        _trained.Users.TryGetIndex(user, out row) && Stats.UserCounts[row] > 0 || Fail(out row);

    private bool TryGetItem(string item, out int row) =>
        _trained.Items.TryGetIndex(item, out row) && Stats.ItemCounts[row] > 0 || Fail(out row);

    private static bool Fail(out int row)
    {
        row = 0;
        return false;
    }
}
