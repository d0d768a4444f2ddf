using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;

namespace Collab.Reports;

/// <summary>The ratings a trained model saw in training, as the lesson's matrix (a model file keeps them).</summary>
public static class ModelRatings
{
    /// <summary>The most active users by the most rated items among the model's training ratings.</summary>
    public static RatingMatrix Matrix(TrainedModel trained, int users, int items)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var triples = new List<(string User, string Item, float Rating)>(trained.Interactions.Count);
        for (int u = 1; u < trained.Users.Count; u++)
        {
            var rated = trained.Interactions.ItemsOf(u);
            var ratings = trained.Interactions.RatingsOf(u);
            for (int k = 0; k < rated.Length; k++)
                triples.Add((trained.Users[u], trained.Items[rated[k]], ratings[k]));
        }
        return RatingMatrix.MostActive(RatingsTable.FromTriples(triples, "model training ratings"), users, items);
    }
}
