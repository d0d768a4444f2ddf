using Collab.Persistence;

namespace Collab.Recommend;

/// <summary>Predicts ratings for raw user and item ids with a trained model.</summary>
public sealed class Predictor
{
    private readonly TrainedModel _trained;
    private readonly bool[] _trainedItems;

    /// <summary>Creates a predictor over a trained model (read-only; safe to share between threads).</summary>
    public Predictor(TrainedModel trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        _trained = trained;
        _trainedItems = new bool[trained.Items.Count];
        foreach (var item in trained.Interactions.AllItems)
            _trainedItems[item] = true;
    }

    /// <summary>Whether the user had training ratings.</summary>
    public bool IsKnownUser(string user) =>
        _trained.Users.TryGetIndex(user, out int u) && _trained.Interactions.CountOf(u) > 0;

    /// <summary>Whether the item had training ratings.</summary>
    public bool IsKnownItem(string item) =>
        _trained.Items.TryGetIndex(item, out int i) && _trainedItems[i];

    /// <summary>Predicts one rating; unknown ids fall back to the #na# rows, as fastai does, and say so.</summary>
    public Prediction Predict(string user, string item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        int u = _trained.Users.Encode(user);
        int i = _trained.Items.Encode(item);
        bool userKnown = u != 0 && _trained.Interactions.CountOf(u) > 0;
        bool itemKnown = i != 0 && _trainedItems[i];
        var basis = (userKnown, itemKnown) switch
        {
            (true, true) => PredictionBasis.Model,
            (false, true) => PredictionBasis.UnknownUser,
            (true, false) => PredictionBasis.UnknownItem,
            _ => PredictionBasis.UnknownUserAndItem,
        };
        return new Prediction(user, item, _trained.Model.Predict(u, i), basis);
    }

    /// <summary>Predicts many pairs, in input order.</summary>
    public IEnumerable<Prediction> PredictMany(IEnumerable<(string User, string Item)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (user, item) in pairs)
            yield return Predict(user, item);
    }
}
