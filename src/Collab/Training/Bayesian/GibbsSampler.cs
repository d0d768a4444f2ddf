using Collab.Data;
using Collab.Numerics;

namespace Collab.Training.Bayesian;

/// <summary>
/// Gibbs sampling of a factorization machine (Freudenthaler, Rendle and Schmidt-Thieme 2011; libFM's MCMC): every
/// weight has a normal conditional posterior given the others, because the model is linear in each one,
/// ŷ = g + θ·h; the noise precision and each group's prior mean and precision have conjugate Normal-Gamma
/// conditionals. Features come as relational blocks, so one draw costs the nonzeros of its column plus per-row sums
/// kept for the block, and one sweep costs O(rank · (ratings + nonzeros)), not ratings × set sizes.
/// Deterministic for a seed: per-weight draws are keyed by (sweep, block, factor, feature), and sums over ratings run
/// in fixed chunks, so any number of threads gives the same samples.
/// </summary>
internal sealed partial class GibbsSampler
{
    // libFM's hyper-priors: Gamma(1, 1) on every precision, N(0, 1/(γ0·λ)) with γ0 = 1 on every group mean.
    private const double PrecisionShape = 1, PrecisionRate = 1, MeanScale = 1;
    private const double GlobalBiasPrecision = 1e-2;
    private const double InitStd = 0.1;
    private const int Chunk = 4096;
    private const int RowChunk = 512, ParallelRows = 2048;
    // The incremental sums drift by rounding only; rebuilding them now and then keeps the drift at rounding level.
    private const int RefreshEvery = 16;

    private readonly int _rank;
    private readonly ulong _seed;
    private readonly ParallelOptions _parallel;
    private readonly float[] _ratings;
    private readonly int[] _users, _items;
    private readonly int[] _userStart, _itemStart, _itemOrder;
    private readonly BlockState[] _blocks;
    private double[] _residuals, _residualsOther;
    private double[][] _interactions, _interactionsOther;
    private bool _inItemOrder;
    private readonly RowSums[] _rows;
    private readonly SeededRandom _random;

    public GibbsSampler(EncodedRatings train, int users, int items, IReadOnlyList<FeatureBlock> blocks, int rank, ulong seed, int threads)
    {
        _rank = rank;
        _seed = seed;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        // The per-rating state lives in user order while user-side blocks are drawn and in item order while item-side
        // blocks are: a block's passes then read each row's ratings as one contiguous run.
        var byUser = GroupedPositions.By(train.Users, users);
        var order = byUser.Order;
        _ratings = [.. order.Select(n => train.RatingsArray[n])];
        _users = [.. order.Select(n => train.UsersArray[n])];
        _items = [.. order.Select(n => train.ItemsArray[n])];
        _userStart = byUser.Start;
        var byItem = GroupedPositions.By(_items, items);
        _itemStart = byItem.Start;
        _itemOrder = byItem.Order;
        _blocks = [.. blocks.Select(b => new BlockState(b, rank))];
        (_residuals, _residualsOther) = (new double[_ratings.Length], new double[_ratings.Length]);
        _interactions = [.. Enumerable.Range(0, rank).Select(_ => new double[_ratings.Length])];
        _interactionsOther = [.. Enumerable.Range(0, rank).Select(_ => new double[_ratings.Length])];
        int rows = Math.Max(users, items);
        _rows = new RowSums[rows];
        _random = SeededRandom.ForStream(seed, SeedStream.Gibbs);
        for (int g = 0; g < _blocks.Length; g++)
        {
            var factors = _blocks[g].Factors;
            for (int p = 0; p < factors.Length; p++)
                factors[p] = InitStd * CounterNormal.Draw(seed, ulong.MaxValue, (ulong)g, (ulong)p);
        }
        GlobalBias = _ratings.Length == 0 ? 0 : _ratings.Average(r => (double)r);
        NoisePrecision = 1;
        Refresh();
    }

    public IReadOnlyList<BlockState> Blocks => _blocks;

    public double GlobalBias { get; private set; }

    /// <summary>α, the precision of the rating noise.</summary>
    public double NoisePrecision { get; private set; }

    /// <summary>RMSE of the current sample on the training ratings.</summary>
    public double TrainRmse => _residuals.Length == 0 ? double.NaN : Math.Sqrt(SumOf(_residuals, square: true) / _residuals.Length);

    /// <summary>One sweep: the noise, the global bias, every group's hyper-parameters, then each block's weights.</summary>
    public void Sweep(int sweep)
    {
        if (sweep % RefreshEvery == 0)
            Refresh();
        SampleNoise();
        SampleGlobalBias();
        foreach (var state in _blocks)
            SampleHyperParameters(state);
        for (int g = 0; g < _blocks.Length; g++)
        {
            Reorder(_blocks[g].Block.Side == FeatureSide.Item);
            SampleBlock(g, sweep);
        }
        Reorder(toItemOrder: false);
    }

    // Where row b's ratings sit in the current order: [start[b], start[b + 1]).
    private int[] StartsOf(FeatureBlock block) => block.Side == FeatureSide.User ? _userStart : _itemStart;

    // Moves the residuals and per-factor sums between user order and item order (position m of item order holds
    // rating _itemOrder[m] of user order).
    private void Reorder(bool toItemOrder)
    {
        if (toItemOrder == _inItemOrder)
            return;
        var order = _itemOrder;
        var (from, to) = (_residuals, _residualsOther);
        var (fromSums, toSums) = (_interactions, _interactionsOther);
        // One array at a time (the residuals, then each factor's sums): each copy streams one source and one target.
        Parallel.For(0, fromSums.Length + 1, _parallel, a =>
        {
            var source = a == 0 ? from : fromSums[a - 1];
            var target = a == 0 ? to : toSums[a - 1];
            if (toItemOrder)
            {
                for (int m = 0; m < order.Length; m++)
                    target[m] = source[order[m]];
            }
            else
            {
                for (int m = 0; m < order.Length; m++)
                    target[order[m]] = source[m];
            }
        });
        (_residuals, _residualsOther) = (to, from);
        (_interactions, _interactionsOther) = (toSums, fromSums);
        _inItemOrder = toItemOrder;
    }

    private int RowOf(FeatureSide side, int n) => side == FeatureSide.User ? _users[n] : _items[n];

    // Rebuilds every block's row sums, each rating's per-factor sums q_nf and its residual y − ŷ from the weights.
    private void Refresh()
    {
        foreach (var state in _blocks)
            state.Refresh(_rank);
        Parallel.For(0, ChunkCount(_ratings.Length), _parallel, chunk =>
        {
            var (from, to) = ChunkBounds(chunk, _ratings.Length);
            for (int n = from; n < to; n++)
            {
                double prediction = GlobalBias;
                for (int f = 0; f < _rank; f++)
                {
                    double sum = 0, squares = 0;
                    foreach (var state in _blocks)
                    {
                        int b = RowOf(state.Block.Side, n);
                        sum += state.Sums[b * _rank + f];
                        squares += state.SquareSums[b * _rank + f];
                    }
                    _interactions[f][n] = sum;
                    prediction += 0.5 * (sum * sum - squares);
                }
                foreach (var state in _blocks)
                    prediction += state.Linear[RowOf(state.Block.Side, n)];
                _residuals[n] = _ratings[n] - prediction;
            }
        });
    }

    private void SampleNoise()
    {
        double squares = SumOf(_residuals, square: true);
        NoisePrecision = _random.NextGamma(PrecisionShape + _residuals.Length / 2.0) / (PrecisionRate + squares / 2);
    }

    private void SampleGlobalBias()
    {
        double precision = NoisePrecision * _residuals.Length + GlobalBiasPrecision;
        double mean = NoisePrecision * (SumOf(_residuals, square: false) + GlobalBias * _residuals.Length) / precision;
        double drawn = mean + _random.NextGaussian() / Math.Sqrt(precision);
        double delta = drawn - GlobalBias;
        GlobalBias = drawn;
        Parallel.For(0, ChunkCount(_residuals.Length), _parallel, chunk =>
        {
            var (from, to) = ChunkBounds(chunk, _residuals.Length);
            for (int n = from; n < to; n++)
                _residuals[n] -= delta;
        });
    }

    // Normal-Gamma conditionals of one group: μ | λ, weights, then λ | μ, weights.
    private void SampleHyperParameters(BlockState state)
    {
        int width = state.Block.Width;
        (state.WeightMean, state.WeightPrecision) = DrawGroupPrior(state.Weights, 0, 1, width, state.WeightPrecision);
        for (int f = 0; f < _rank; f++)
            (state.FactorMean[f], state.FactorPrecision[f]) = DrawGroupPrior(state.Factors, f, _rank, width, state.FactorPrecision[f]);
    }

    private (double Mean, double Precision) DrawGroupPrior(double[] values, int offset, int stride, int count, double precision)
    {
        double sum = 0;
        for (int j = 0; j < count; j++)
            sum += values[j * stride + offset];
        double mean = sum / (count + MeanScale) + _random.NextGaussian() / Math.Sqrt((count + MeanScale) * precision);
        double squares = MeanScale * mean * mean;
        for (int j = 0; j < count; j++)
        {
            double d = values[j * stride + offset] - mean;
            squares += d * d;
        }
        double drawn = _random.NextGamma(PrecisionShape + (count + 1) / 2.0) / (PrecisionRate + squares / 2);
        return (mean, drawn);
    }

    private double SumOf(double[] values, bool square)
    {
        var partial = new double[ChunkCount(values.Length)];
        Parallel.For(0, partial.Length, _parallel, chunk =>
        {
            var (from, to) = ChunkBounds(chunk, values.Length);
            double sum = 0;
            for (int n = from; n < to; n++)
                sum += square ? values[n] * values[n] : values[n];
            partial[chunk] = sum;
        });
        return partial.Sum();
    }

    private static int ChunkCount(int length) => (length + Chunk - 1) / Chunk;

    private static (int From, int To) ChunkBounds(int chunk, int length) => (chunk * Chunk, Math.Min(length, (chunk + 1) * Chunk));
}
