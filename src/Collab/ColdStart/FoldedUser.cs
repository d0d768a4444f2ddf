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
        var model = _foldIn.Trained.Model;
        if (!_foldIn.Trained.Items.TryGetIndex(item, out int i) || !_foldIn.IsTrainedItem(i))
            throw new ArgumentException($"Item '{item}' has no trained row in the model.", nameof(item));
        return Row.RateItem(model, i);
    }

    /// <summary>The <paramref name="count"/> trained items with the highest predicted ratings that the user has not rated, best first.</summary>
    public IReadOnlyList<ItemScore> Recommend(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var trained = _foldIn.Trained;
        var excluded = new bool[trained.Items.Count];
        for (int i = 0; i < excluded.Length; i++)
            excluded[i] = !_foldIn.IsTrainedItem(i);
        foreach (int i in _rated)
            excluded[i] = true;
        return [.. UnseenScorer.Top(trained.Model, Row, excluded, count).Select(s => new ItemScore(trained.Items[s.Item], s.Rating))];
    }
}
