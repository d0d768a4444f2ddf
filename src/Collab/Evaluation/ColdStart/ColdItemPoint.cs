namespace Collab.Evaluation.ColdStart;

/// <summary>One point of the cold-item blend curve: RMSE on held-out items' test ratings after k revealed ratings.</summary>
/// <param name="Reveal">Ratings revealed per item (fewer when an item has fewer to reveal).</param>
/// <param name="MeanItemPrior">RMSE of fold-in starting from the trained items' mean row.</param>
/// <param name="MetadataPrior">RMSE of fold-in starting from the metadata model's prediction (the blend).</param>
/// <param name="Revealed">Mean ratings revealed per item.</param>
public sealed record ColdItemPoint(int Reveal, double MeanItemPrior, double MetadataPrior, double Revealed);
