using Collab.Data;
using Collab.Models;
using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

public sealed class DataScaleTests
{
    // The planted 0.5-5 ratings mapped linearly onto another scale.
    private static RatingsTable Rescaled(float low, float high)
    {
        var stars = Some.PlantedRatings(40, 50, 2, 0.5, 0.1, 9);
        var rows = Enumerable.Range(0, stars.Count).Select(r => (
            stars.UserIds[stars.Users[r]], stars.ItemIds[stars.Items[r]], low + (stars.Ratings[r] - 0.5f) / 4.5f * (high - low)));
        return RatingsTable.FromTriples(rows, $"planted {low}-{high}");
    }

    [Theory]
    [InlineData(1f, 10f)]
    [InlineData(0f, 1f)]
    public void A_recipe_range_is_refitted_to_a_file_on_another_scale_with_the_same_margins(float low, float high)
    {
        var trained = CollabTrainer.Train(Rescaled(low, high), Recipes.Lesson with { Factors = 4, Epochs = 3 });
        var range = trained.Factors!.YRange!.Value;
        // The lesson's (0, 5.5) leaves 0.5 star of 4.5 on each side of 0.5-5.
        float margin = (high - low) / 9f;
        Assert.Equal(low - margin, range.Low, 1e-4f);
        Assert.Equal(high + margin, range.High, 1e-4f);
        Assert.Equal([low, high], trained.Summary.RatingScale!, new FloatTolerance(1e-5f));
    }

    [Fact]
    public void A_one_to_ten_file_predicts_above_the_five_star_cap_that_the_lesson_range_would_impose()
    {
        var trained = CollabTrainer.Train(Rescaled(1, 10), Recipes.Lesson with { Factors = 4, Epochs = 5 });
        var predictor = new Predictor(trained);
        var best = trained.Users.Ids.Skip(1).Select(u => predictor.Recommend(u, 1, includeSeen: true).Results.FirstOrDefault()?.Score ?? 0).Max();
        Assert.True(best > 6f, $"the highest prediction is {best}, capped below the data's scale");
    }

    [Fact]
    public void MovieLens_stars_keep_the_lesson_range_exactly()
    {
        var trained = CollabTrainer.Train(Some.PlantedRatings(30, 40, 2, 0.5, 0.1, 5), Recipes.Lesson with { Factors = 4, Epochs = 1 });
        Assert.Equal(OutputRange.Lesson, trained.Factors!.YRange);
    }

    [Fact]
    public void An_explicit_range_is_kept_as_given_whatever_the_data()
    {
        var trained = CollabTrainer.Train(Rescaled(1, 10), Recipes.Lesson with { Factors = 4, Epochs = 1, FitYRangeToData = false });
        Assert.Equal(OutputRange.Lesson, trained.Factors!.YRange);
    }

    [Fact]
    public void Predicted_ratings_never_leave_the_training_ratings_scale_while_raw_scores_still_rank()
    {
        var stars = Some.PlantedRatings(40, 50, 2, 0.5, 0.1, 9);
        var trained = CollabTrainer.Train(stars, Recipes.Lesson with { Factors = 4, Epochs = 1 });
        // Push two items to the top of the lesson's range (5.5): both must print as 5, the larger one first.
        trained.Factors!.ItemBias.Values[1] = 50;
        trained.Factors!.ItemBias.Values[2] = 3;
        var predictor = new Predictor(trained);
        bool Unseen(int u, int i) => !trained.Interactions.Contains(u, i) && !trained.HeldOut.Contains(u, i);
        int row = Enumerable.Range(1, trained.Users.Count - 1).First(u => trained.Interactions.CountOf(u) > 0 && Unseen(u, 1) && Unseen(u, 2));
        var user = trained.Users[row];
        Assert.Equal(5f, predictor.Predict(user, trained.Items[1]).Rating);
        Assert.True(trained.Factors!.Predict(row, 1) > 5.4f);
        var top = predictor.Recommend(user, 2).Results;
        Assert.Equal(trained.Items[1], top[0].Id);
        Assert.All(top, r => Assert.InRange(r.Score, 0.5f, 5f));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
