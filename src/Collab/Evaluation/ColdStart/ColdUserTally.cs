using Collab.Evaluation.Metrics;

namespace Collab.Evaluation.ColdStart;

/// <summary>Running sums behind the cold-user report, pooled over folds.</summary>
internal sealed class ColdUserTally(int points, int budgets)
{
    private readonly ErrorSum[] _budgetQuestionnaire = new ErrorSum[budgets];
    private readonly ErrorSum[] _budgetRandom = new ErrorSum[budgets];
    private readonly double[] _budgetRatingsQuestionnaire = new double[budgets];
    private readonly double[] _budgetRatingsRandom = new double[budgets];
    private readonly ErrorSum[] _questionnaire = new ErrorSum[points];
    private readonly ErrorSum[] _fromSeen = new ErrorSum[points];
    private readonly ErrorSum[] _random = new ErrorSum[points];
    private readonly ErrorSum[] _biasOnly = new ErrorSum[points];
    private readonly PairedDifference[] _openVsRandom = [.. Enumerable.Range(0, points).Select(_ => new PairedDifference())];
    private readonly PairedDifference[] _fromSeenVsRandom = [.. Enumerable.Range(0, points).Select(_ => new PairedDifference())];
    private readonly double[] _revealedByQuestionnaire = new double[points];
    private readonly double[] _revealedFromSeen = new double[points];
    private readonly double[] _revealedAtRandom = new double[points];
    private readonly List<int>[] _questions = [.. Enumerable.Range(0, points).Select(_ => new List<int>())];
    private ErrorSum _globalMean;
    private ErrorSum _itemMean;

    public ref ErrorSum GlobalMean => ref _globalMean;

    public ref ErrorSum ItemMean => ref _itemMean;

    public FoldInClock Clock { get; } = new();

    /// <summary>Times the rounds of the questionnaire from seen items (the fold-ins and open rounds are on <see cref="Clock"/>).</summary>
    public FoldInClock FromSeenClock { get; } = new();

    public int Users { get; set; }

    public int HeldOutUsers { get; set; }

    public int UnknownItemRatings { get; set; }

    public double FitSeconds { get; set; }

    /// <summary>Adds one user's sums of squared errors at a point, for the spread of the differences.</summary>
    public void AddUser(int point, double open, double fromSeen, double random)
    {
        _openVsRandom[point].Add(open, random);
        _fromSeenVsRandom[point].Add(fromSeen, random);
    }

    public void Add(int point, ColdUserErrors errors)
    {
        _questionnaire[point].Add(errors.Questionnaire);
        _fromSeen[point].Add(errors.FromSeen);
        _random[point].Add(errors.Random);
        _biasOnly[point].Add(errors.BiasOnly);
    }

    public void AddCounts(int point, int revealedByQuestionnaire, int revealedFromSeen, int revealedAtRandom, int questions)
    {
        _revealedByQuestionnaire[point] += revealedByQuestionnaire;
        _revealedFromSeen[point] += revealedFromSeen;
        _revealedAtRandom[point] += revealedAtRandom;
        _questions[point].Add(questions);
    }

    public void AddBudget(int point, double questionnaire, double randomQuestions)
    {
        _budgetQuestionnaire[point].Add(questionnaire);
        _budgetRandom[point].Add(randomQuestions);
    }

    public void AddBudgetCounts(int point, int byQuestionnaire, int byRandomQuestions)
    {
        _budgetRatingsQuestionnaire[point] += byQuestionnaire;
        _budgetRatingsRandom[point] += byRandomQuestions;
    }

    public BudgetPoint Budget(int point, int questions)
    {
        double users = Math.Max(1, Users);
        return new BudgetPoint(questions, _budgetQuestionnaire[point].Rmse, _budgetRandom[point].Rmse,
            _budgetRatingsQuestionnaire[point] / users, _budgetRatingsRandom[point] / users);
    }

    public ColdUserPoint Point(int point, int reveal)
    {
        double users = Math.Max(1, Users);
        var questions = _questions[point].Order().ToArray();
        int tests = _random[point].Count;
        return new ColdUserPoint(reveal, _questionnaire[point].Rmse, _fromSeen[point].Rmse, _random[point].Rmse, _biasOnly[point].Rmse,
            _openVsRandom[point].RmseStandardError(tests, _questionnaire[point].Rmse, _random[point].Rmse),
            _fromSeenVsRandom[point].RmseStandardError(tests, _fromSeen[point].Rmse, _random[point].Rmse),
            _revealedByQuestionnaire[point] / users, _revealedFromSeen[point] / users, _revealedAtRandom[point] / users,
            questions.Length == 0 ? 0 : questions[questions.Length / 2], questions.Length == 0 ? 0 : questions.Average());
    }
}
