using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Persistence;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.ColdStart.Questions;

public sealed class QuestionnaireTests
{
    private static readonly Lazy<TrainedModel> Trained = new(() => CollabTrainer.Train(
        Some.PlantedRatings(150, 120, 3, 0.3, 0.15, 5),
        new TrainingOptions { Factors = 8, Epochs = 10, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 2, ValidPct = 0.1 }));

    [Fact]
    public void Never_asks_an_item_twice_and_asks_each_askable_item_once_when_run_to_the_end()
    {
        var foldIn = new FoldIn(Trained.Value);
        var questionnaire = new Questionnaire(foldIn, new QuestionnaireOptions { RoundSize = 20, MinRatings = 1 });
        var asked = new List<string>();
        for (var round = questionnaire.NextRound(); round.Count > 0; round = questionnaire.NextRound())
        {
            Assert.InRange(round.Count, 1, 20);
            asked.AddRange(round);
            // Answer some, mark some as not seen, leave the rest unanswered: none may come back.
            for (int i = 0; i < round.Count; i++)
            {
                if (i % 3 == 0)
                    questionnaire.Rate(round[i], 1 + i % 5);
                else if (i % 3 == 1)
                    questionnaire.NotSeen(round[i]);
            }
        }
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Equal(foldIn.ItemCounts.Count(c => c > 0), asked.Count);
        Assert.True(questionnaire.IsExhausted);
        Assert.Equal(asked.Count, questionnaire.QuestionsAsked);
    }

    [Fact]
    public void Never_asks_about_items_the_user_already_rated_or_marked_as_not_seen()
    {
        var trained = Trained.Value;
        var questionnaire = new Questionnaire(new FoldIn(trained), new QuestionnaireOptions { RoundSize = 10, MinRatings = 1 });
        var popular = Enumerable.Range(1, trained.Items.Count - 1).OrderByDescending(i => new FoldIn(trained).ItemCounts[i]).Select(i => trained.Items[i]).ToList();
        questionnaire.Rate(popular[0], 5);
        questionnaire.NotSeen(popular[1]);
        var excluded = new HashSet<string> { popular[0], popular[1] };
        var asked = new List<string>();
        for (var round = questionnaire.NextRound(); round.Count > 0; round = questionnaire.NextRound())
        {
            Assert.DoesNotContain(round, excluded.Contains);
            asked.AddRange(round);
            // Between rounds the user volunteers a rating of an item not asked yet; it must never be asked.
            var volunteered = popular.FirstOrDefault(i => !excluded.Contains(i) && !asked.Contains(i));
            if (volunteered is not null)
            {
                questionnaire.Rate(volunteered, 3);
                excluded.Add(volunteered);
            }
        }
        Assert.Empty(asked.Intersect(excluded));
    }

    [Fact]
    public void Not_seen_is_an_answer_but_not_a_rating()
    {
        var questionnaire = new Questionnaire(new FoldIn(Trained.Value));
        var round = questionnaire.NextRound();
        questionnaire.Rate(round[0], 4);
        questionnaire.NotSeen(round[1]);
        Assert.Equal(1, questionnaire.Current.RatingsUsed);
        Assert.Equal([round[1]], questionnaire.NotSeenItems);
        questionnaire.NotSeen(round[0]);
        Assert.Equal(0, questionnaire.Current.RatingsUsed);
        Assert.Empty(questionnaire.Ratings);
    }

    [Fact]
    public void The_next_round_is_chosen_again_from_the_answers()
    {
        var foldIn = new FoldIn(Trained.Value);
        var lover = new Questionnaire(foldIn);
        var hater = new Questionnaire(foldIn);
        var first = lover.NextRound();
        Assert.Equal(first, hater.NextRound());
        for (int i = 0; i < first.Count; i++)
        {
            lover.Rate(first[i], i % 2 == 0 ? 5 : 1);
            hater.Rate(first[i], i % 2 == 0 ? 1 : 5);
        }
        Assert.NotEqual(lover.NextRound(), hater.NextRound());
    }

    [Fact]
    public void Asks_only_about_items_with_enough_training_ratings()
    {
        var foldIn = new FoldIn(Trained.Value);
        int threshold = foldIn.ItemCounts.Order().ElementAt(foldIn.ItemCounts.Length / 2);
        var questionnaire = new Questionnaire(foldIn, new QuestionnaireOptions { MinRatings = threshold });
        var asked = new List<string>();
        for (var round = questionnaire.NextRound(); round.Count > 0; round = questionnaire.NextRound())
            asked.AddRange(round);
        Assert.NotEmpty(asked);
        Assert.All(asked, id => Assert.True(foldIn.ItemCounts[Trained.Value.Items.Encode(id)] >= threshold));
    }
}
