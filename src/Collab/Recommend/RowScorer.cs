using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Persistence;

namespace Collab.Recommend;

/// <summary>
/// Scores every item for one trained user, for the kinds whose scores are not a dot product of stored tables
/// (the factor kinds take the blocked path in <see cref="Predictor"/>).
/// </summary>
internal abstract class RowScorer
{
    /// <summary>Writes the final score of every item for <paramref name="user"/> into <paramref name="scores"/>.</summary>
    public abstract void ScoreAll(int user, Span<float> scores);

    public static RowScorer For(TrainedModel trained) => trained.Model switch
    {
        EmbeddingNN nn => new Neural(nn.CreateItemScorer()),
        EaseScorer ease => new Ease(ease),
        _ => throw new ModelKindException(trained.Kind, "Scoring every item"),
    };

    private sealed class Ease(EaseScorer ease) : RowScorer
    {
        public override void ScoreAll(int user, Span<float> scores) => ease.ScoreAll(user, scores);
    }

    // The neural scorer keeps per-call buffers: one user at a time.
    private sealed class Neural(NeuralItemScorer scorer) : RowScorer
    {
        private readonly Lock _gate = new();

        public override void ScoreAll(int user, Span<float> scores)
        {
            lock (_gate)
                scorer.ScoreAll(user, scores);
        }
    }
}
