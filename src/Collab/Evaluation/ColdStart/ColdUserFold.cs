using System.Runtime.InteropServices;
using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Data;
using Collab.Numerics;

namespace Collab.Evaluation.ColdStart;

/// <summary>One fold of the cold-user protocol: the held-out users of one trained model.</summary>
internal sealed class ColdUserFold(FoldIn foldIn, ColdUserOptions options, ColdUserTally tally)
{
    private readonly Lazy<int[]> _askable = new(() =>
        [.. Enumerable.Range(1, foldIn.ItemCounts.Length - 1).Where(i => foldIn.ItemCounts[i] >= options.Questionnaire.MinRatings)]);

    public void Run(RatingsTable table, bool[] heldOut, SeededRandom random, CancellationToken cancellation)
    {
        var model = foldIn.Trained.FactorsFor("Cold-start evaluation");
        double globalMean = ColdStartProtocols.GlobalMean(foldIn.Trained.Interactions);
        var itemMeans = ColdStartProtocols.DampedItemMeans(foldIn.Trained.Interactions, model.ItemCount, globalMean);
        var biasOnlyPrior = foldIn.UserPrior.BiasOnly();
        foreach (var ratings in HeldOutRatings(table, heldOut))
        {
            cancellation.ThrowIfCancellationRequested();
            if (ratings.Count < 2)
                continue;
            var user = Reveal(ratings, random);
            foreach (var (item, rating) in user.Test)
            {
                tally.GlobalMean.Add(globalMean - rating);
                tally.ItemMean.Add(itemMeans[item] - rating);
            }
            for (int p = 0; p < options.Reveals.Count; p++)
            {
                int k = options.Reveals[p];
                var q = tally.Clock.Time(() => Fit(user.Open, k, foldIn.UserPrior));
                var s = Fit(user.FromSeen, k, foldIn.UserPrior);
                var r = tally.Clock.Time(() => Fit(user.AtRandom, k, foldIn.UserPrior));
                var b = Fit(user.AtRandom, k, biasOnlyPrior);
                double squaresOpen = 0, squaresSeen = 0, squaresRandom = 0;
                foreach (var (item, rating) in user.Test)
                {
                    var errors = new ColdUserErrors(q.RateItem(model, item) - rating, s.RateItem(model, item) - rating, r.RateItem(model, item) - rating, b.RateItem(model, item) - rating);
                    tally.Add(p, errors);
                    squaresOpen += errors.Questionnaire * errors.Questionnaire;
                    squaresSeen += errors.FromSeen * errors.FromSeen;
                    squaresRandom += errors.Random * errors.Random;
                }
                tally.AddUser(p, squaresOpen, squaresSeen, squaresRandom);
                int revealed = Math.Min(k, user.Open.Count);
                tally.AddCounts(p, revealed, Math.Min(k, user.FromSeen.Count), Math.Min(k, user.AtRandom.Count), revealed == 0 ? 0 : user.OpenQuestionsAt[revealed - 1]);
            }
            for (int p = 0; p < options.Budgets.Count; p++)
            {
                int budget = options.Budgets[p];
                int byQuestionnaire = user.OpenQuestionsAt.Count(at => at <= budget);
                int byRandom = user.RandomQuestionsAt.Count(at => at <= budget);
                var q = Fit(user.Open, byQuestionnaire, foldIn.UserPrior);
                var r = Fit(user.RandomQuestions, byRandom, foldIn.UserPrior);
                foreach (var (item, rating) in user.Test)
                    tally.AddBudget(p, q.RateItem(model, item) - rating, r.RateItem(model, item) - rating);
                tally.AddBudgetCounts(p, byQuestionnaire, byRandom);
            }
            tally.Users++;
        }
    }

    /// <summary>
    /// Splits one held-out user's ratings (shuffled in place) into test ratings and the pool, then reveals from the
    /// pool in every way. The from-seen questionnaire is given the pool's item ids only, never a rating: each
    /// rating reaches it as the answer to a question.
    /// </summary>
    internal ColdUserReveals Reveal(List<(int Item, float Rating)> ratings, SeededRandom random)
    {
        int maxReveal = options.Reveals.Max();
        int maxBudget = options.Budgets.Count == 0 ? 0 : options.Budgets.Max();
        random.Shuffle(CollectionsMarshal.AsSpan(ratings));
        int testCount = Math.Max(1, (int)Math.Ceiling(options.TestShare * ratings.Count));
        var test = ratings[..testCount];
        var pool = ratings[testCount..];
        var (open, openAt) = RunQuestionnaire(new Questionnaire(foldIn, options.Questionnaire), tally.Clock, pool, maxReveal, maxBudget);
        var seen = pool.Select(p => foldIn.Trained.Items[p.Item]);
        var fromSeen = RunQuestionnaire(new Questionnaire(foldIn, seen, options.Questionnaire), tally.FromSeenClock, pool, maxReveal, 0).Revealed;
        var atRandom = pool.Take(maxReveal).ToList();
        var (randomAsked, randomAt) = RandomQuestions(pool, _askable.Value, maxBudget, random);
        return new ColdUserReveals(test, pool, open, openAt, fromSeen, atRandom, randomAsked, randomAt);
    }

    /// <summary>
    /// Asks rounds of questions, answering from the pool (a rating when the user rated the item, else "not
    /// seen"), until <paramref name="wanted"/> ratings are revealed and <paramref name="budget"/> questions
    /// asked, or nothing is left to ask. Returns the ratings in order and the question number of each.
    /// </summary>
    private (List<(int Item, float Rating)> Revealed, List<int> QuestionsAt) RunQuestionnaire(
        Questionnaire questionnaire, FoldInClock clock, List<(int Item, float Rating)> pool, int wanted, int budget)
    {
        var revealed = new List<(int, float)>();
        var questionsAt = new List<int>();
        var answers = pool.ToDictionary(p => p.Item, p => p.Rating);
        int questions = 0;
        while (revealed.Count < wanted || questions < budget)
        {
            var round = clock.TimeRound(questionnaire.NextRound);
            if (round.Count == 0)
                break;
            foreach (var id in round)
            {
                questions++;
                if (answers.TryGetValue(foldIn.Trained.Items.Encode(id), out float rating))
                {
                    questionnaire.Rate(id, rating);
                    revealed.Add((foldIn.Trained.Items.Encode(id), rating));
                    questionsAt.Add(questions);
                    if (revealed.Count >= wanted && questions >= budget)
                        break;
                }
                else
                {
                    questionnaire.NotSeen(id);
                }
            }
        }
        return (revealed, questionsAt);
    }

    /// <summary>Asks about askable items in random order, answering from the pool, for <paramref name="budget"/> questions.</summary>
    private static (List<(int Item, float Rating)> Revealed, List<int> QuestionsAt) RandomQuestions(
        List<(int Item, float Rating)> pool, int[] askable, int budget, SeededRandom random)
    {
        var answers = pool.ToDictionary(p => p.Item, p => p.Rating);
        var order = (int[])askable.Clone();
        random.Shuffle(order.AsSpan());
        var revealed = new List<(int, float)>();
        var questionsAt = new List<int>();
        for (int q = 0; q < Math.Min(budget, order.Length); q++)
        {
            if (answers.TryGetValue(order[q], out float rating))
            {
                revealed.Add((order[q], rating));
                questionsAt.Add(q + 1);
            }
        }
        return (revealed, questionsAt);
    }

    private LatentRow Fit(List<(int Item, float Rating)> revealed, int k, RowPrior prior)
    {
        int count = Math.Min(k, revealed.Count);
        var items = new int[count];
        var ratings = new float[count];
        for (int j = 0; j < count; j++)
            (items[j], ratings[j]) = revealed[j];
        return foldIn.SolveUser(items, ratings, prior);
    }

    /// <summary>Each held-out user's ratings of trained items (model rows); other ratings are counted and left out.</summary>
    internal List<List<(int Item, float Rating)>> HeldOutRatings(RatingsTable table, bool[] heldOut)
    {
        var slot = new int[heldOut.Length];
        var byUser = new List<List<(int, float)>>();
        for (int u = 0; u < heldOut.Length; u++)
        {
            slot[u] = heldOut[u] ? byUser.Count : -1;
            if (heldOut[u])
                byUser.Add([]);
        }
        var itemMap = foldIn.Trained.Items.MapFrom(table.ItemIds);
        for (int r = 0; r < table.Count; r++)
        {
            int s = slot[table.Users[r]];
            if (s < 0)
                continue;
            int item = itemMap[table.Items[r]];
            if (item == 0 || !foldIn.IsTrainedItem(item))
                tally.UnknownItemRatings++;
            else
                byUser[s].Add((item, table.Ratings[r]));
        }
        return byUser;
    }
}
