using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;

namespace Collab.Tests.Interpretation;

public sealed class InterpretationTests
{
    private static readonly TrainedModel Trained = SmallModel.Create(users: 25, items: 40, factors: 4, seed: 5);

    [Fact]
    public void Biases_are_ranked_highest_first_with_the_count_and_mean_of_their_training_ratings()
    {
        var ranked = ModelBiases.Rank(Trained, ModelSide.Items);
        Assert.Equal(Trained.Items.Count - 1, ranked.Count);
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Bias >= p.Second.Bias));
        foreach (var entry in ranked.Take(5))
        {
            int row = Trained.Items.Encode(entry.Id);
            var ratings = RatingsOfItem(row);
            Assert.Equal(Trained.Factors!.ItemBias.Values[row], entry.Bias);
            Assert.Equal(ratings.Count, entry.Ratings);
            Close.Equal(ratings.Average(r => (double)r), entry.MeanRating, 1e-9, "mean rating");
        }
    }

    [Fact]
    public void Restricting_to_the_most_rated_keeps_exactly_those()
    {
        var counts = InteractionStats.From(Trained.Interactions, Trained.Items.Count).ItemCounts.ToArray();
        int tenth = counts.Skip(1).OrderDescending().ElementAt(9);
        var ranked = ModelBiases.Rank(Trained, ModelSide.Items, mostRated: 10);
        Assert.Equal(10, ranked.Count);
        Assert.All(ranked, e => Assert.True(e.Ratings >= tenth));
        Assert.Equal(Trained.Users.Count - 1, ModelBiases.Rank(Trained, ModelSide.Users).Count);
    }

    [Fact]
    public void Factor_pca_scores_every_analysed_item_and_ranks_each_component()
    {
        var pca = FactorPca.Compute(Trained, ModelSide.Items, components: 3, mostRated: 30);
        Assert.Equal(30, pca.Ids.Count);
        Assert.Equal(3, pca.Components.Count);
        var ranked = pca.Ranked(0);
        Assert.Equal(pca.Ids.Order(), ranked.Select(r => r.Id).Order());
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactorPca.Compute(Trained, ModelSide.Items, components: 5));
    }

    [Fact]
    public void The_matrix_view_puts_the_model_prediction_beside_every_cell()
    {
        var rows = new List<(string, string, float)>();
        for (int u = 0; u < Trained.Users.Count - 1; u++)
        {
            foreach (var i in Trained.Interactions.ItemsOf(u + 1))
                rows.Add((Trained.Users[u + 1], Trained.Items[i], 3));
        }
        var matrix = RatingMatrix.MostActive(RatingsTable.FromTriples(rows), 5, 6);
        var predictor = new Predictor(Trained);
        var predicted = PredictedMatrix.Of(matrix, predictor);
        for (int u = 0; u < 5; u++)
        {
            for (int i = 0; i < 6; i++)
                Assert.Equal(predictor.Predict(matrix.Users[u], matrix.Items[i]), predicted[u, i]);
        }
        double expected = Math.Sqrt(Enumerable.Range(0, 5).SelectMany(u => Enumerable.Range(0, 6).Where(i => matrix[u, i] is not null)
            .Select(i => Math.Pow(predicted[u, i].Rating - 3, 2))).Average());
        Close.Equal(expected, predicted.Rmse, 1e-9, "RMSE over rated cells");
    }

    [Fact]
    public void The_summary_counts_every_parameter_and_names_the_lessons_parts()
    {
        var summary = ModelSummary.Of(Trained);
        long expected = Trained.Factors!.Parameters.Sum(p => (long)p.Values.Length);
        Assert.Equal(expected, summary.TotalParameters);
        Assert.Equal((Trained.Users.Count - 1 + Trained.Items.Count - 1) * 5L, summary.TrainedParameters);
        Assert.Equal(
            [SummaryPart.Input, SummaryPart.Parameter, SummaryPart.Activation, SummaryPart.Output, SummaryPart.Loss],
            summary.Rows.Select(r => r.Part).Distinct());
        Assert.Contains(summary.Rows, r => r.Part == SummaryPart.Output && r.Meaning.Contains("sigmoid", StringComparison.Ordinal));
    }

    private static List<float> RatingsOfItem(int item)
    {
        var ratings = new List<float>();
        for (int u = 0; u < Trained.Users.Count; u++)
        {
            var items = Trained.Interactions.ItemsOf(u);
            for (int r = 0; r < items.Length; r++)
            {
                if (items[r] == item)
                    ratings.Add(Trained.Interactions.RatingsOf(u)[r]);
            }
        }
        return ratings;
    }
}
