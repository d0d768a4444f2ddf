using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.ColdStart.Questions;

public sealed class QuestionnaireFromSeenTests
{
    private static readonly Lazy<TrainedModel> Trained = new(() => CollabTrainer.Train(
        Some.PlantedRatings(150, 120, 3, 0.3, 0.15, 5),
        new TrainingOptions { Factors = 8, Epochs = 10, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 2, ValidPct = 0.1 }));

    /// <summary>Every third trained item, plus ids the model does not know.</summary>
    private static List<string> Seen(FoldIn foldIn) =>
        [.. Enumerable.Range(1, foldIn.ItemCounts.Length - 1).Where(i => i % 3 == 0 && foldIn.ItemCounts[i] > 0).Select(i => Trained.Value.Items[i]), "no-such-item"];

    [Fact]
    public void Asks_only_about_seen_items_never_twice_never_one_already_rated_and_every_one_when_run_to_the_end()
    {
        var foldIn = new FoldIn(Trained.Value);
        var seen = Seen(foldIn);
        var questionnaire = new Questionnaire(foldIn, seen, new QuestionnaireOptions { RoundSize = 7 });
        Assert.True(questionnaire.IsFromSeen);
        questionnaire.Rate(seen[0], 4);
        var excluded = new HashSet<string> { seen[0] };
        var asked = new List<string>();
        for (var round = questionnaire.NextRound(); round.Count > 0; round = questionnaire.NextRound())
        {
            Assert.InRange(round.Count, 1, 7);
            Assert.All(round, id => Assert.Contains(id, seen));
            Assert.DoesNotContain(round, excluded.Contains);
            asked.AddRange(round);
            foreach (var id in round)
                questionnaire.Rate(id, 1 + asked.Count % 5);
            // Between rounds the user volunteers a rating of a seen item not asked yet; it must never be asked.
            var volunteered = seen.FirstOrDefault(id => id != "no-such-item" && !excluded.Contains(id) && !asked.Contains(id));
            if (volunteered is not null)
            {
                questionnaire.Rate(volunteered, 2);
                excluded.Add(volunteered);
            }
        }
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Empty(asked.Intersect(excluded));
        Assert.Equal(seen.Count - 1, asked.Count + excluded.Count);
        Assert.True(questionnaire.IsExhausted);
    }

    [Fact]
    public void Chooses_differently_from_the_open_questionnaire_and_not_in_the_order_of_the_history()
    {
        var foldIn = new FoldIn(Trained.Value);
        var seen = Seen(foldIn);
        var fromSeen = new Questionnaire(foldIn, seen, new QuestionnaireOptions { RoundSize = 5 }).NextRound();
        var open = new Questionnaire(foldIn, new QuestionnaireOptions { RoundSize = 5, MinRatings = 1 }).NextRound();
        Assert.NotEqual(open, fromSeen);
        Assert.NotEqual(seen.Take(5), fromSeen);
        var reversed = new Questionnaire(foldIn, Enumerable.Reverse(seen), new QuestionnaireOptions { RoundSize = 5 }).NextRound();
        Assert.Equal(fromSeen, reversed);
    }

    [Fact]
    public void The_first_pick_is_the_seen_item_whose_rating_most_reduces_the_variance_over_the_history()
    {
        var foldIn = new FoldIn(Trained.Value);
        var model = Trained.Value.Factors!;
        var seen = Seen(foldIn);
        var first = new Questionnaire(foldIn, seen, new QuestionnaireOptions { RoundSize = 1 }).NextRound().Single();
        // Brute force: the total predictive variance Σ_j s_j²·x_jᵀH⁻¹x_j over the seen items after rating each candidate.
        int n = model.Factors + 1;
        var rows = seen.Where(id => id != "no-such-item").Select(id => Trained.Value.Items.Encode(id)).ToList();
        var prior = foldIn.UserPrior;
        var h = new double[n * n];
        for (int i = 0; i < h.Length; i++)
            h[i] = foldIn.Options.PriorWeight * prior.Precision[i];
        double Total(double[] information)
        {
            var inverse = SpdMatrix.Inverse(information, n);
            var x = new double[n];
            return rows.Sum(j =>
            {
                QuestionPicker.Design(model, j, x);
                return QuestionPicker.SlopeSquared(model, prior.Mean, j) * SpdMatrix.Quadratic(inverse, n, x);
            });
        }
        string best = seen[0];
        double lowest = double.PositiveInfinity;
        foreach (int c in rows)
        {
            var information = (double[])h.Clone();
            var x = new double[n];
            QuestionPicker.Design(model, c, x);
            SpdMatrix.AddOuter(information, n, x, QuestionPicker.SlopeSquared(model, prior.Mean, c));
            double total = Total(information);
            if (total < lowest)
                (best, lowest) = (Trained.Value.Items[c], total);
        }
        Assert.Equal(best, first);
    }

    [Fact]
    public void A_history_of_unknown_items_leaves_nothing_to_ask()
    {
        var questionnaire = new Questionnaire(new FoldIn(Trained.Value), ["nothing", "known"]);
        Assert.Empty(questionnaire.NextRound());
        Assert.True(questionnaire.IsExhausted);
    }
}
