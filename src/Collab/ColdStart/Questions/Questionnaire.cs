using Collab.Numerics;

namespace Collab.ColdStart.Questions;

/// <summary>
/// Onboarding for a new user, the way the lesson describes Netflix's: rounds of questions about well-known,
/// informative items ("have you seen it? how did you like it?"). After each round the answers are folded in
/// and the next round is chosen for what is still unknown about the user. Every item is asked at most once,
/// and items the user already rated or marked as not seen are never asked. "Not seen" is an answer but not a
/// rating: it is not folded in (and the item stays recommendable), but it does change which items the user
/// is likely to have seen.
/// </summary>
/// <remarks>
/// An item is scored chance^e · log(1 + s²·xᵀH⁻¹x): the chance that this user has seen it (the share of
/// trained users who rated it, reweighted towards users who saw what this user saw and missed what they
/// missed), times how much of its factor direction x is not yet covered by the answers and the prior
/// (H; s is the output sigmoid's slope at the current fit). Picks within a round are greedy, each
/// discounting the directions the previous picks are expected to cover. When the items the user has seen are
/// known (a watch history), the questionnaire can instead ask only about those: every question then yields a
/// rating, and the items are chosen to reduce the predictive variance over the whole history
/// (<see cref="TransductiveDesign"/>), balanced over the quantiles of its predicted ratings.
/// </remarks>
public sealed class Questionnaire
{
    private readonly FoldIn _foldIn;
    private readonly RowPrior _prior;
    private readonly int[] _candidates;
    private readonly int[]? _seenRows;
    private readonly SeenModel _seen;
    private readonly bool[] _asked;
    private readonly Dictionary<string, float> _ratings = new(StringComparer.Ordinal);
    private readonly List<string> _notSeen = [];
    private FoldedUser? _current;

    /// <summary>Starts a questionnaire for a new user, open to every well-known item (see <see cref="QuestionnaireOptions.MinRatings"/>).</summary>
    /// <param name="foldIn">Fold-in against the trained model.</param>
    /// <param name="options">Round size and the choice of items.</param>
    /// <param name="prior">What is known before any answer (e.g. from the user's metadata); default <see cref="FoldIn.UserPrior"/>.</param>
    public Questionnaire(FoldIn foldIn, QuestionnaireOptions? options = null, RowPrior? prior = null)
        : this(foldIn, (int[]?)null, options, prior)
    {
    }

    /// <summary>
    /// Starts a questionnaire for a new user whose seen items are known (a watch history without ratings): it asks
    /// only about those, so every question can be answered with a rating, and chooses the ones whose ratings most
    /// reduce the uncertainty of the predictions for all of them (a transductive experimental design, see
    /// <see cref="TransductiveDesign"/>), spread over the range of their predicted ratings. Every trained item of the history may be asked, however few its
    /// training ratings; ids the model has no trained row for are ignored.
    /// </summary>
    /// <param name="foldIn">Fold-in against the trained model.</param>
    /// <param name="seen">Ids of the items the user has seen (only which ones: no ratings).</param>
    /// <param name="options">Round size.</param>
    /// <param name="prior">What is known before any answer; default <see cref="FoldIn.UserPrior"/>.</param>
    public Questionnaire(FoldIn foldIn, IEnumerable<string> seen, QuestionnaireOptions? options = null, RowPrior? prior = null)
        : this(foldIn, SeenRows(foldIn, seen ?? throw new ArgumentNullException(nameof(seen))), options, prior)
    {
    }

    private Questionnaire(FoldIn foldIn, int[]? seenRows, QuestionnaireOptions? options, RowPrior? prior)
    {
        ArgumentNullException.ThrowIfNull(foldIn);
        Options = options ?? new QuestionnaireOptions();
        Options.Validate();
        _foldIn = foldIn;
        _prior = prior ?? foldIn.UserPrior;
        var counts = foldIn.ItemCounts;
        _seen = foldIn.Seen;
        _seenRows = seenRows;
        _candidates = seenRows ?? [.. Enumerable.Range(1, counts.Length - 1).Where(i => counts[i] >= Options.MinRatings)];
        _asked = new bool[counts.Length];
    }

    /// <summary>The settings.</summary>
    public QuestionnaireOptions Options { get; }

    /// <summary>Items asked so far (every round's items, answered or not).</summary>
    public int QuestionsAsked { get; private set; }

    /// <summary>The ratings given so far, by item id.</summary>
    public IReadOnlyDictionary<string, float> Ratings => _ratings;

    /// <summary>Items the user said they have not seen.</summary>
    public IReadOnlyList<string> NotSeenItems => _notSeen;

    /// <summary>True when the questions come from the user's known seen items only.</summary>
    public bool IsFromSeen => _seenRows is not null;

    /// <summary>True when every askable item has been asked, rated or marked as not seen.</summary>
    public bool IsExhausted => _candidates.All(i => _asked[i]);

    /// <summary>The user as folded in from the ratings so far (the prior's mean before any rating).</summary>
    public FoldedUser Current => _current ??= _foldIn.User(_ratings, _prior);

    /// <summary>
    /// Folds in the answers so far and chooses the next round: up to <see cref="QuestionnaireOptions.RoundSize"/>
    /// items never asked, rated or marked as not seen, most informative first. Empty when exhausted.
    /// </summary>
    public IReadOnlyList<string> NextRound()
    {
        var current = Current.Row;
        var model = _foldIn.Trained.FactorsFor("The questionnaire");
        int n = model.Factors + 1;
        var information = new double[n * n];
        for (int i = 0; i < information.Length; i++)
            information[i] = _foldIn.Options.PriorWeight * _prior.Precision[i];
        QuestionPicker.AddRated(model, information, current, RatedRows());
        var open = _candidates.Where(i => !_asked[i]).ToArray();
        var picked = _seenRows is null ? PickOpen(information, current, open) : PickFromSeen(information, current, open, _seenRows);
        foreach (int item in picked)
            _asked[item] = true;
        QuestionsAsked += picked.Count;
        return [.. picked.Select(i => _foldIn.Trained.Items[i])];
    }

    private List<int> PickOpen(double[] information, LatentRow current, int[] open)
    {
        var chances = _seen.Chances(_seen.Posterior(RatedRows(), NotSeenRows()));
        var picker = new QuestionPicker(_foldIn.Trained.FactorsFor("The questionnaire"), information, current);
        return picker.Pick(open, [.. open.Select(i => chances[i])], [.. open.Select(i => Math.Pow(chances[i], Options.PopularityExponent))], Options.RoundSize);
    }

    /// <summary>
    /// The variance of the predictions for every seen item (rated or not) is the target; the picks are balanced
    /// over the quantiles of the seen items' predicted ratings, the ratings already given counting as taken.
    /// </summary>
    private List<int> PickFromSeen(double[] information, LatentRow current, int[] open, int[] seenRows)
    {
        var model = _foldIn.Trained.FactorsFor("The questionnaire");
        int n = model.Factors + 1;
        var targets = new double[n * n];
        var row = new double[n];
        foreach (int item in seenRows)
        {
            QuestionPicker.Design(model, item, row);
            SpdMatrix.AddOuter(targets, n, row, QuestionPicker.SlopeSquared(model, current, item));
        }
        var x = new double[open.Length * n];
        var slopeSquared = new double[open.Length];
        for (int c = 0; c < open.Length; c++)
        {
            QuestionPicker.Design(model, open[c], x.AsSpan(c * n, n));
            slopeSquared[c] = QuestionPicker.SlopeSquared(model, current, open[c]);
        }
        var predicted = seenRows.Select(i => QuestionPicker.Raw(model, current, i)).Order().ToArray();
        double Quantile(int item) => LowerBound(predicted, QuestionPicker.Raw(model, current, item)) / (double)predicted.Length;
        var picked = new TransductiveDesign(information, targets, n).Pick(x, slopeSquared, Options.RoundSize,
            [.. open.Select(Quantile)], [.. RatedRows().Select(Quantile)]);
        return [.. picked.Select(c => open[c])];
    }

    /// <summary>How many of the sorted values are below value.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int at = Array.BinarySearch(sorted, value);
        if (at < 0)
            return ~at;
        while (at > 0 && sorted[at - 1] == value)
            at--;
        return at;
    }

    private static int[] SeenRows(FoldIn foldIn, IEnumerable<string> seen)
    {
        ArgumentNullException.ThrowIfNull(foldIn);
        var rows = new SortedSet<int>();
        foreach (var id in seen)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(seen));
            if (foldIn.Trained.Items.TryGetIndex(id, out int row) && foldIn.IsTrainedItem(row))
                rows.Add(row);
        }
        return [.. rows];
    }

    /// <summary>Records a rating (of an asked item or any other); the item is never asked afterwards.</summary>
    public void Rate(string item, float rating)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!float.IsFinite(rating))
            throw new ArgumentException($"The rating of '{item}' is not a finite number.", nameof(rating));
        _ratings[item] = rating;
        _notSeen.Remove(item);
        _current = null;
        MarkAsked(item);
    }

    /// <summary>Records that the user has not seen an item; it is never asked afterwards and is not a rating.</summary>
    public void NotSeen(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_ratings.Remove(item))
            _current = null;
        if (!_notSeen.Contains(item, StringComparer.Ordinal))
            _notSeen.Add(item);
        MarkAsked(item);
    }

    private void MarkAsked(string item)
    {
        if (_foldIn.Trained.Items.TryGetIndex(item, out int row))
            _asked[row] = true;
    }

    private IEnumerable<int> NotSeenRows()
    {
        foreach (var id in _notSeen)
        {
            if (_foldIn.Trained.Items.TryGetIndex(id, out int row) && _foldIn.IsTrainedItem(row))
                yield return row;
        }
    }

    private IEnumerable<int> RatedRows()
    {
        foreach (var id in _ratings.Keys)
        {
            if (_foldIn.Trained.Items.TryGetIndex(id, out int row) && _foldIn.IsTrainedItem(row))
                yield return row;
        }
    }
}
