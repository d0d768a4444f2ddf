using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Data;
using Collab.Evaluation.ColdStart;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Evaluation.ColdStart;

public sealed class ColdUserFoldTests
{
    private static readonly ColdUserOptions Options = new()
    {
        Reveals = [0, 5, 10],
        Budgets = [20],
        Questionnaire = new QuestionnaireOptions { RoundSize = 4, MinRatings = 3 },
    };

    private static readonly Lazy<(TrainedModel Trained, List<List<(int Item, float Rating)>> HeldOut)> Fold = new(() =>
    {
        var table = Some.PlantedRatings(120, 100, 3, 0.35, 0.15, 9);
        var heldOut = new bool[table.UserIds.Count];
        for (int u = 0; u < heldOut.Length; u += 5)
            heldOut[u] = true;
        var rows = Enumerable.Range(0, table.Count).Where(r => !heldOut[table.Users[r]]).ToArray();
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 6, Epochs = 8, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 4 },
            new DataSplit(rows, []));
        return (trained, new ColdUserFold(new FoldIn(trained), Options, new ColdUserTally(3, 1)).HeldOutRatings(table, heldOut));
    });

    private static ColdUserFold NewFold() => new(new FoldIn(Fold.Value.Trained), Options, new ColdUserTally(3, 1));

    [Fact]
    public void No_way_of_choosing_reveals_a_test_rating_and_the_questionnaire_from_seen_reveals_only_pool_ratings()
    {
        var fold = NewFold();
        var random = new SeededRandom(3);
        foreach (var ratings in Fold.Value.HeldOut.Where(r => r.Count >= 2))
        {
            var user = fold.Reveal([.. ratings], random);
            var test = user.Test.Select(t => t.Item).ToHashSet();
            Assert.DoesNotContain(user.Pool, p => test.Contains(p.Item));
            Assert.Equal(ratings.Count, user.Test.Count + user.Pool.Count);
            foreach (var revealed in new[] { user.Open, user.FromSeen, user.AtRandom, user.RandomQuestions })
            {
                Assert.DoesNotContain(revealed, r => test.Contains(r.Item));
                Assert.All(revealed, r => Assert.Contains(r, user.Pool));
            }
            Assert.Equal(Math.Min(10, user.Pool.Count), user.FromSeen.Count);
            Assert.Equal(user.FromSeen.Count, user.FromSeen.Select(r => r.Item).Distinct().Count());
        }
    }

    [Fact]
    public void The_first_round_from_seen_does_not_depend_on_the_ratings_it_has_not_been_given()
    {
        var user = Fold.Value.HeldOut.First(r => r.Count >= 20);
        var original = NewFold().Reveal([.. user], new SeededRandom(8));
        // The same items with other ratings: only the answers (and so the later rounds) may change.
        var flipped = NewFold().Reveal([.. user.Select(r => (r.Item, 5.5f - r.Rating))], new SeededRandom(8));
        Assert.Equal(original.Pool.Select(p => p.Item), flipped.Pool.Select(p => p.Item));
        Assert.Equal(original.FromSeen.Take(4).Select(r => r.Item), flipped.FromSeen.Take(4).Select(r => r.Item));
        Assert.NotEqual(original.FromSeen.Select(r => r.Item), flipped.FromSeen.Select(r => r.Item));
    }
}
