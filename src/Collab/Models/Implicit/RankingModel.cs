using Collab.Data;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// The dot-bias model trained on implicit feedback: the learner's batches are positives (user, item), and each
/// training step draws negatives and applies a <see cref="RankingLoss"/>. Predictions are raw scores u·i + b_u + b_i,
/// meaningful for ranking, not as ratings. The inner <see cref="Model"/> has no output range, so it saves, predicts
/// and recommends like any dot-bias model.
/// </summary>
public sealed class RankingModel : ICollabModel
{
    private readonly NegativeSampler _sampler;
    private int[] _negatives = [];

    private RankingModel(DotBiasModel model, ImplicitOptions options, NegativeSampler sampler)
    {
        Model = model;
        Options = options;
        _sampler = sampler;
    }

    /// <summary>The scored model.</summary>
    public DotBiasModel Model { get; }

    /// <summary>Loss and sampling.</summary>
    public ImplicitOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<ParameterTensor> Parameters => Model.Parameters;

    /// <summary>Wraps a dot-bias model without output range; negatives avoid each user's <paramref name="positives"/>.</summary>
    public static RankingModel Create(DotBiasModel model, EncodedRatings positives, ImplicitOptions options, SeededRandom negatives)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(negatives);
        if (model.YRange is not null)
            throw new ArgumentException("A ranking loss works on raw scores: create the dot-bias model without an output range.", nameof(model));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Negatives);
        return new RankingModel(model, options, new NegativeSampler(positives, model.UserCount, model.ItemCount, options.Sampling, negatives));
    }

    /// <summary>Treats every row as a positive (the ratings are ignored), draws negatives and returns the ranking loss.</summary>
    public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions)
    {
        int count = users.Length * Options.NegativesPerPositive;
        if (_negatives.Length != count)
            _negatives = new int[count];
        for (int n = 0; n < count; n++)
            _negatives[n] = _sampler.Draw(users[n / Options.NegativesPerPositive]);
        return Options.Loss == RankingLoss.Bpr
            ? RankingKernels.Bpr(Model, users, items, _negatives, predictions)
            : RankingKernels.SampledBce(Model, users, items, _negatives, predictions);
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions) =>
        Model.Predict(users, items, predictions);
}
