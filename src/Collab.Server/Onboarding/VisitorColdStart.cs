using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Persistence;
using Collab.Recommend;

namespace Collab.Server.Onboarding;

/// <summary>
/// A session's questionnaire and fold-in, from the cold-start library. The service keeps no visitor in memory: each
/// request rebuilds the <see cref="Questionnaire"/> from the stored answers (ratings and "not seen"), which costs
/// about as much as one round's choice, so any replica (or a restarted process) can answer any session.
/// </summary>
internal sealed class VisitorColdStart
{
    private readonly FoldIn _foldIn;

    public VisitorColdStart(TrainedModel trained)
    {
        _foldIn = new FoldIn(trained);
        // Builds the lazily prepared tables (who has seen what) now rather than on a visitor's first request.
        Replay(new Dictionary<string, float?>(), 1).NextRound();
    }

    /// <summary>
    /// The next round of up to <paramref name="n"/> items, most informative well-known items first, never one asked
    /// in an earlier round or already answered.
    /// </summary>
    public IReadOnlyList<string> NextRound(IReadOnlyDictionary<string, float?> answers, IReadOnlyCollection<string> asked, int n)
    {
        // Items asked earlier but left unanswered are unknown to a replayed questionnaire: ask for that many more, drop them.
        var unanswered = asked.Where(item => !answers.ContainsKey(item)).ToHashSet(StringComparer.Ordinal);
        return [.. Replay(answers, n + unanswered.Count).NextRound().Where(item => !unanswered.Contains(item)).Take(n)];
    }

    /// <summary>The visitor folded in from their ratings; its top <paramref name="n"/> unrated items.</summary>
    public IReadOnlyList<ScoredId> Recommend(IReadOnlyDictionary<string, float?> answers, int n) =>
        _foldIn.User(answers.Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Key, a.Value!.Value))).Recommend(n);

    private Questionnaire Replay(IReadOnlyDictionary<string, float?> answers, int roundSize)
    {
        var questionnaire = new Questionnaire(_foldIn, new QuestionnaireOptions { RoundSize = roundSize });
        foreach (var (item, rating) in answers)
        {
            if (rating is { } value)
                questionnaire.Rate(item, value);
            else
                questionnaire.NotSeen(item);
        }
        return questionnaire;
    }
}
