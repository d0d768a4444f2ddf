namespace Collab.ColdStart;

/// <summary>Running sums behind the cold-user report, pooled over folds.</summary>
internal sealed class ColdUserTally(int points)
{
    private readonly ErrorSum[] _questionnaire = new ErrorSum[points];
    private readonly ErrorSum[] _random = new ErrorSum[points];
    private readonly ErrorSum[] _biasOnly = new ErrorSum[points];
    private readonly double[] _revealedByQuestionnaire = new double[points];
    private readonly double[] _revealedAtRandom = new double[points];
    private readonly List<int>[] _questions = [.. Enumerable.Range(0, points).Select(_ => new List<int>())];
    private ErrorSum _globalMean;
    private ErrorSum _itemMean;

    public ref ErrorSum GlobalMean => ref _globalMean;

    public ref ErrorSum ItemMean => ref _itemMean;

    public FoldInClock Clock { get; } = new();

    public int Users { get; set; }

    public int HeldOutUsers { get; set; }

    public int UnknownItemRatings { get; set; }

    public double FitSeconds { get; set; }

    public void Add(int point, double questionnaire, double random, double biasOnly)
    {
        _questionnaire[point].Add(questionnaire);
        _random[point].Add(random);
        _biasOnly[point].Add(biasOnly);
    }

    public void AddCounts(int point, int revealedByQuestionnaire, int revealedAtRandom, int questions)
    {
        _revealedByQuestionnaire[point] += revealedByQuestionnaire;
        _revealedAtRandom[point] += revealedAtRandom;
        _questions[point].Add(questions);
    }

    public ColdUserPoint Point(int point, int reveal)
    {
        double users = Math.Max(1, Users);
        var questions = _questions[point].Order().ToArray();
        return new ColdUserPoint(reveal, _questionnaire[point].Rmse, _random[point].Rmse, _biasOnly[point].Rmse,
            _revealedByQuestionnaire[point] / users, _revealedAtRandom[point] / users,
            questions.Length == 0 ? 0 : questions[questions.Length / 2], questions.Length == 0 ? 0 : questions.Average());
    }
}
