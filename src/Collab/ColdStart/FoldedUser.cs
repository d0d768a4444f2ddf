using Collab.Recommend;

namespace Collab.ColdStart;

/// <summary>A user fitted into a trained model by <see cref="FoldIn"/>: predict and recommend as for a trained user.</summary>
public sealed class FoldedUser
{
    private readonly FoldIn _foldIn;
    private readonly int[] _rated;

    internal FoldedUser(FoldIn foldIn, LatentRow row, int[] rated, IReadOnlyList<string> unknownItems)
    {
        _foldIn = foldIn;
        _rated = rated;
        Row = row;
        UnknownItems = unknownItems;
    }

    /// <summary>The fitted factors and bias.</summary>
    public LatentRow Row { get; }

    /// <summary>How many ratings the fit used.</summary>
    public int RatingsUsed => _rated.Length;

    /// <summary>Rated items the model has no trained row for (ignored by the fit).</summary>
    public IReadOnlyList<string> UnknownItems { get; }

    /// <summary>The predicted rating of a trained item.</summary>
    /// <exception cref="ArgumentException">The model has no trained row for the item.</exception>
    public float Predict(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var model = _foldIn.Trained.FactorsFor("Fold-in");
        if (!_foldIn.Trained.Items.TryGetIndex(item, out int i) || !_foldIn.IsTrainedItem(i))
            throw new ArgumentException($"Item '{item}' has no trained row in the model.", nameof(item));
        return Row.RateItem(model, i);
    }

    /// <summary>
    /// The <paramref name="count"/> trained items with the highest predicted ratings that the user has not rated, best
    /// first, through the same scoring path as a trained user's recommendations (<see cref="Predictor.RecommendRow"/>).
    /// </summary>
    public IReadOnlyList<ScoredId> Recommend(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _foldIn.Predictor.RecommendRow(Row.Factors, Row.Bias, _rated, count);
    }
}
