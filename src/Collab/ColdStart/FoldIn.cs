using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Persistence;
using Collab.Recommend;

namespace Collab.ColdStart;

/// <summary>
/// Fits a new user (or item) into a trained model from a few ratings, without retraining: the trained
/// item (or user) rows stay frozen and only the new row's factors and bias are solved for, regularised
/// towards a prior (the trained rows' mean and spread, or a metadata model's prediction). Takes well under
/// a millisecond for tens of ratings. Read-only; safe to share between threads.
/// </summary>
/// <remarks>
/// The fit minimises Σ (ŷ − r)² + w·(θ − μ)ᵀ P (θ − μ) over θ = (factors, bias), with ŷ the model's own
/// prediction (dot product, biases, output range) against each frozen row; see <see cref="FoldInMethod"/>.
/// </remarks>
public sealed class FoldIn
{
    private readonly FrozenTables _items;
    private readonly FrozenTables _users;
    private readonly bool[] _trainedItems;
    private readonly bool[] _trainedUsers;
    private readonly Lazy<SeenModel> _seen;
    private readonly Lazy<Predictor> _predictor;

    /// <summary>Prepares fold-in against a trained model.</summary>
    public FoldIn(TrainedModel trained, FoldInOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        Options = options ?? new FoldInOptions();
        Options.Validate();
        Trained = trained;
        _items = FrozenTables.Items(trained.FactorsFor("Fold-in"));
        _users = FrozenTables.Users(trained.FactorsFor("Fold-in"));
        ItemCounts = trained.Stats.ItemCounts.ToArray();
        _trainedItems = [.. ItemCounts.Select(c => c > 0)];
        _trainedUsers = [.. trained.Stats.UserCounts.ToArray().Select(c => c > 0)];
        UserPrior = RowPrior.ForUsers(trained);
        ItemPrior = RowPrior.ForItems(trained);
        _seen = new Lazy<SeenModel>(() => new SeenModel(trained, ItemCounts));
        _predictor = new Lazy<Predictor>(() => new Predictor(trained));
    }

    /// <summary>The model new rows are fitted into.</summary>
    public TrainedModel Trained { get; }

    /// <summary>The solver settings.</summary>
    public FoldInOptions Options { get; }

    /// <summary>The trained users' mean row and spread: the prior of a user nothing is known about.</summary>
    public RowPrior UserPrior { get; }

    /// <summary>The trained items' mean row and spread: the prior of an item nothing is known about.</summary>
    public RowPrior ItemPrior { get; }

    /// <summary>Scores folded-in users as trained ones are scored.</summary>
    internal Predictor Predictor => _predictor.Value;

    /// <summary>Training ratings per item row.</summary>
    internal int[] ItemCounts { get; }

    /// <summary>
    /// Folds in a new user from their ratings of items (raw ids; a repeated item keeps its last rating). Items
    /// the model has no trained row for are ignored and listed in <see cref="FoldedUser.UnknownItems"/>.
    /// </summary>
    /// <param name="ratings">Item id → rating.</param>
    /// <param name="prior">What is known before the ratings; default <see cref="UserPrior"/>.</param>
    public FoldedUser User(IEnumerable<KeyValuePair<string, float>> ratings, RowPrior? prior = null)
    {
        var (rows, values, unknown) = Encode(ratings, Trained.Items, _trainedItems);
        return new FoldedUser(this, SolveUser(rows, values, prior ?? UserPrior), rows, unknown);
    }

    /// <summary>
    /// Folds in a new item from the ratings trained users gave it (raw user ids; a repeated user keeps the last
    /// rating). Users without a trained row are ignored and listed in <see cref="FoldedItem.UnknownUsers"/>.
    /// </summary>
    /// <param name="ratings">User id → rating.</param>
    /// <param name="prior">What is known before the ratings (for example from <see cref="Metadata.MetadataModel"/>); default <see cref="ItemPrior"/>.</param>
    public FoldedItem Item(IEnumerable<KeyValuePair<string, float>> ratings, RowPrior? prior = null)
    {
        var (rows, values, unknown) = Encode(ratings, Trained.Users, _trainedUsers);
        return new FoldedItem(this, SolveItem(rows, values, prior ?? ItemPrior), rows.Length, unknown);
    }

    /// <summary>Who has seen what in training, for the questionnaire.</summary>
    internal SeenModel Seen => _seen.Value;

    /// <summary>Fits a user row from item rows (model indices) and ratings.</summary>
    internal LatentRow SolveUser(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, RowPrior prior)
    {
        CheckPrior(prior);
        // Implicit ALS has an exact fold-in: one least-squares solve of its own objective over the picked items
        // (every pick counts as an interaction, whatever its rating).
        if (Trained.Kind == ModelKind.Ials)
            return new LatentRow(IalsTrainer.FoldIn(Trained.FactorsFor("Fold-in"), items, Trained.Summary.Options.Ials), 0f);
        return FoldInSolver.Solve(_items, items, ratings, prior, Options);
    }

    /// <summary>Fits an item row from user rows (model indices) and ratings.</summary>
    internal LatentRow SolveItem(ReadOnlySpan<int> users, ReadOnlySpan<float> ratings, RowPrior prior)
    {
        CheckPrior(prior);
        return FoldInSolver.Solve(_users, users, ratings, prior, Options);
    }

    /// <summary>Whether an item row was trained (had ratings).</summary>
    internal bool IsTrainedItem(int item) => _trainedItems[item];

    /// <summary>Whether a user row was trained (had ratings).</summary>
    internal bool IsTrainedUser(int user) => _trainedUsers[user];

    private void CheckPrior(RowPrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (prior.Mean.FactorCount != Trained.FactorsFor("Fold-in").Factors)
            throw new ArgumentException($"The prior has {prior.Mean.FactorCount} factors; the model has {Trained.FactorsFor("Fold-in").Factors}.", nameof(prior));
    }

    private static (int[] Rows, float[] Ratings, string[] Unknown) Encode(IEnumerable<KeyValuePair<string, float>> ratings, Vocabulary vocabulary, bool[] trained)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var byRow = new Dictionary<int, float>();
        var unknown = new List<string>();
        foreach (var (id, rating) in ratings)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (!float.IsFinite(rating))
                throw new ArgumentException($"The rating of '{id}' is not a finite number.", nameof(ratings));
            if (vocabulary.TryGetIndex(id, out int row) && trained[row])
                byRow[row] = rating;
            else if (!unknown.Contains(id, StringComparer.Ordinal))
                unknown.Add(id);
        }
        return ([.. byRow.Keys], [.. byRow.Values], [.. unknown]);
    }
}
