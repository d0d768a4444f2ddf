using Collab.Data;
using Collab.Numerics;
using Collab.Training.Bayesian;

namespace Collab.Tests.Training.Bayesian;

/// <summary>
/// A textbook Gibbs sampler for a factorization machine on dense feature vectors, written for the tests only: it
/// finds each weight's g and h by evaluating the model with the weight at 0 and at 1 (the model is linear in every
/// weight), then applies the conditional posterior of Freudenthaler et al. 2011 directly. It draws the same random
/// numbers as the sampler under test, in the same order, so both must produce the same chain.
/// </summary>
internal sealed class DenseFm
{
    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly FeatureBlock[] _blocks;
    private readonly int[] _offset;
    private readonly int _rank;
    private readonly ulong _seed;
    private readonly SeededRandom _random;

    public DenseFm(EncodedRatings train, IReadOnlyList<FeatureBlock> blocks, int rank, ulong seed)
    {
        _blocks = [.. blocks];
        _rank = rank;
        _seed = seed;
        _offset = new int[blocks.Count + 1];
        for (int g = 0; g < blocks.Count; g++)
            _offset[g + 1] = _offset[g] + blocks[g].Width;
        int width = _offset[^1];
        _x = new double[train.Count][];
        for (int n = 0; n < train.Count; n++)
        {
            _x[n] = new double[width];
            for (int g = 0; g < blocks.Count; g++)
            {
                var block = blocks[g];
                int b = block.Side == FeatureSide.User ? train.Users[n] : train.Items[n];
                for (int at = block.RowStart[b]; at < block.RowStart[b + 1]; at++)
                    _x[n][_offset[g] + block.Columns[at]] = block.Values[at];
            }
        }
        _y = [.. train.Ratings.ToArray().Select(r => (double)r)];
        W = new double[width];
        V = new double[width, rank];
        for (int g = 0; g < blocks.Count; g++)
        {
            for (int p = 0; p < blocks[g].Width * rank; p++)
                V[_offset[g] + p / rank, p % rank] = 0.1 * CounterNormal.Draw(seed, ulong.MaxValue, (ulong)g, (ulong)p);
        }
        W0 = _y.Average();
        WeightMean = new double[blocks.Count];
        WeightPrecision = [.. Enumerable.Repeat(1.0, blocks.Count)];
        FactorMean = new double[blocks.Count, rank];
        FactorPrecision = new double[blocks.Count, rank];
        for (int g = 0; g < blocks.Count; g++)
        {
            for (int f = 0; f < rank; f++)
                FactorPrecision[g, f] = 1;
        }
        _random = SeededRandom.ForStream(seed, SeedStream.Gibbs);
    }

    public double W0 { get; private set; }

    public double Alpha { get; private set; } = 1;

    public double[] W { get; }

    public double[,] V { get; }

    public double[] WeightMean { get; }

    public double[] WeightPrecision { get; }

    public double[,] FactorMean { get; }

    public double[,] FactorPrecision { get; }

    public int Offset(int g) => _offset[g];

    public double Predict(double[] x)
    {
        double y = W0;
        for (int j = 0; j < x.Length; j++)
            y += W[j] * x[j];
        for (int f = 0; f < _rank; f++)
        {
            double sum = 0, squares = 0;
            for (int j = 0; j < x.Length; j++)
            {
                sum += V[j, f] * x[j];
                squares += V[j, f] * V[j, f] * x[j] * x[j];
            }
            y += 0.5 * (sum * sum - squares);
        }
        return y;
    }

    public void Sweep(int sweep)
    {
        double squares = _x.Select((x, n) => Math.Pow(_y[n] - Predict(x), 2)).Sum();
        Alpha = _random.NextGamma(1 + _y.Length / 2.0) / (1 + squares / 2);
        double residual = _x.Select((x, n) => _y[n] - Predict(x)).Sum();
        double precision = Alpha * _y.Length + 1e-2;
        W0 = Alpha * (residual + W0 * _y.Length) / precision + _random.NextGaussian() / Math.Sqrt(precision);
        for (int g = 0; g < _blocks.Length; g++)
        {
            (WeightMean[g], WeightPrecision[g]) = GroupPrior([.. Enumerable.Range(_offset[g], _blocks[g].Width).Select(j => W[j])], WeightPrecision[g]);
            for (int f = 0; f < _rank; f++)
                (FactorMean[g, f], FactorPrecision[g, f]) = GroupPrior([.. Enumerable.Range(_offset[g], _blocks[g].Width).Select(j => V[j, f])], FactorPrecision[g, f]);
        }
        for (int g = 0; g < _blocks.Length; g++)
        {
            for (int j = 0; j < _blocks[g].Width; j++)
            {
                int column = _offset[g] + j;
                W[column] = DrawParameter(v => W[column] = v, WeightMean[g], WeightPrecision[g], sweep, g, 0, j, W[column]);
            }
            for (int f = 0; f < _rank; f++)
            {
                for (int j = 0; j < _blocks[g].Width; j++)
                {
                    int column = _offset[g] + j, factor = f;
                    V[column, f] = DrawParameter(v => V[column, factor] = v, FactorMean[g, f], FactorPrecision[g, f], sweep, g, f + 1, j, V[column, f]);
                }
            }
        }
    }

    private double DrawParameter(Action<double> set, double mean, double precision, int sweep, int g, int factor, int j, double current)
    {
        double h2 = 0, eh = 0;
        for (int n = 0; n < _x.Length; n++)
        {
            set(0);
            double at0 = Predict(_x[n]);
            set(1);
            double h = Predict(_x[n]) - at0;
            h2 += h * h;
            eh += (_y[n] - at0) * h;
        }
        set(current);
        double p = Alpha * h2 + precision;
        double m = (Alpha * eh + mean * precision) / p;
        ulong slot = ((ulong)(uint)g << 32) | (uint)factor;
        return m + CounterNormal.Draw(_seed, (ulong)sweep, slot, (ulong)j) / Math.Sqrt(p);
    }

    private (double Mean, double Precision) GroupPrior(double[] values, double precision)
    {
        double mean = values.Sum() / (values.Length + 1) + _random.NextGaussian() / Math.Sqrt((values.Length + 1) * precision);
        double squares = mean * mean + values.Sum(v => (v - mean) * (v - mean));
        return (mean, _random.NextGamma(1 + (values.Length + 1) / 2.0) / (1 + squares / 2));
    }

    public double[] Features(int n) => _x[n];
}
