namespace Collab.ColdStart;

/// <summary>An item fitted into a trained model by <see cref="FoldIn"/> from the ratings trained users gave it.</summary>
public sealed class FoldedItem
{
    private readonly FoldIn _foldIn;

    internal FoldedItem(FoldIn foldIn, LatentRow row, int ratingsUsed, IReadOnlyList<string> unknownUsers)
    {
        _foldIn = foldIn;
        Row = row;
        RatingsUsed = ratingsUsed;
        UnknownUsers = unknownUsers;
    }

    /// <summary>The fitted factors and bias.</summary>
    public LatentRow Row { get; }

    /// <summary>How many ratings the fit used.</summary>
    public int RatingsUsed { get; }

    /// <summary>Raters the model has no trained row for (ignored by the fit).</summary>
    public IReadOnlyList<string> UnknownUsers { get; }

    /// <summary>The rating a trained user is predicted to give the item.</summary>
    /// <exception cref="ArgumentException">The model has no trained row for the user.</exception>
    public float Predict(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var model = _foldIn.Trained.FactorsFor("Fold-in");
        if (!_foldIn.Trained.Users.TryGetIndex(user, out int u) || !_foldIn.IsTrainedUser(u))
            throw new ArgumentException($"User '{user}' has no trained row in the model.", nameof(user));
        return Row.RatedByUser(model, u);
    }
}
