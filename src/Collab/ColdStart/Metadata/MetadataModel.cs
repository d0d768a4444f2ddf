using Collab.Data;
using Collab.Numerics;
using Collab.Persistence;

namespace Collab.ColdStart.Metadata;

/// <summary>
/// The second model the lesson calls for: from metadata (item genres and year; user age, gender, occupation,
/// region) to a row of the collaborative model, so a user or item with no ratings gets a sensible place among
/// the trained ones. A ridge regression from features to (factors, bias), fitted on the trained rows; its
/// residual spread makes the prediction a <see cref="RowPrior"/> that fold-in starts from and moves away from
/// as ratings arrive.
/// </summary>
public sealed class MetadataModel
{
    private readonly double[] _coefficients;
    private readonly double[] _residualPrecision;
    private readonly int _width;
    private readonly int _outputs;

    private MetadataModel(FeatureTable features, double[] coefficients, double[] residualPrecision, int outputs, int rows)
    {
        Features = features;
        _coefficients = coefficients;
        _residualPrecision = residualPrecision;
        _width = features.Width + 1;
        _outputs = outputs;
        TrainingRows = rows;
    }

    /// <summary>The features the model reads.</summary>
    public FeatureTable Features { get; }

    /// <summary>Trained rows with metadata that the regression was fitted on.</summary>
    public int TrainingRows { get; }

    /// <summary>Fits item metadata to the trained item rows.</summary>
    /// <exception cref="ArgumentException">Fewer than two trained items have metadata.</exception>
    public static MetadataModel ForItems(TrainedModel trained, FeatureTable features, MetadataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var model = trained.FactorsFor("The metadata model");
        return Fit(features, trained.Items, model.ItemFactors.Values, model.ItemBias.Values, model.Factors, trained.Stats.ItemCounts.ToArray(), options);
    }

    /// <summary>Fits user metadata to the trained user rows.</summary>
    /// <exception cref="ArgumentException">Fewer than two trained users have metadata.</exception>
    public static MetadataModel ForUsers(TrainedModel trained, FeatureTable features, MetadataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var model = trained.FactorsFor("The metadata model");
        return Fit(features, trained.Users, model.UserFactors.Values, model.UserBias.Values, model.Factors, trained.Stats.UserCounts.ToArray(), options);
    }

    /// <summary>The predicted row for encoded features (see <see cref="FeatureTable.Encode"/>).</summary>
    public LatentRow Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != _width - 1)
            throw new ArgumentException($"Expected {_width - 1} features, got {features.Length}.", nameof(features));
        var output = new double[_outputs];
        for (int j = 0; j < _width; j++)
        {
            double z = j < features.Length ? features[j] : 1;
            if (z == 0)
                continue;
            for (int o = 0; o < _outputs; o++)
                output[o] += z * _coefficients[j * _outputs + o];
        }
        return LatentRow.FromVector(output);
    }

    /// <summary>The prior for encoded features: the predicted row, with the spread of the regression's residuals.</summary>
    public RowPrior Prior(ReadOnlySpan<float> features) => new(Predict(features), _residualPrecision);

    /// <summary>The prior of an id in <see cref="Features"/>; false when it has no metadata.</summary>
    public bool TryGetPrior(string id, out RowPrior prior)
    {
        ArgumentNullException.ThrowIfNull(id);
        prior = Features.Contains(id) ? Prior(Features.Row(id)) : null!;
        return prior is not null;
    }

    private static MetadataModel Fit(FeatureTable features, Vocabulary ids, float[] factors, float[] biases, int k, int[] counts, MetadataOptions? options)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new MetadataOptions();
        options.Validate();
        int width = features.Width + 1;
        int outputs = k + 1;
        var gram = new double[width * width];
        var cross = new double[width * outputs];
        var z = new double[width];
        var y = new double[outputs];
        var rows = new List<(int Row, double Weight)>();
        for (int r = 1; r < ids.Count; r++)
        {
            if (counts[r] == 0 || !features.Contains(ids[r]))
                continue;
            double weight = counts[r] / (counts[r] + options.CountShrinkage);
            Read(features.Row(ids[r]), z);
            Read(factors, biases, k, r, y);
            SpdMatrix.AddOuter(gram, width, z, weight);
            for (int j = 0; j < width; j++)
            {
                for (int o = 0; o < outputs; o++)
                    cross[j * outputs + o] += weight * z[j] * y[o];
            }
            rows.Add((r, weight));
        }
        if (rows.Count < 2)
            throw new ArgumentException($"Only {rows.Count} trained rows have metadata; the metadata model needs at least two. Check that the ids match.");
        for (int j = 0; j < width - 1; j++)
            gram[j * width + j] += options.Ridge;
        var coefficients = Solve(gram, cross, width, outputs);
        var model = new MetadataModel(features, coefficients, [], outputs, rows.Count);
        var covariance = new double[outputs * outputs];
        double total = rows.Sum(r => r.Weight);
        foreach (var (r, weight) in rows)
        {
            Read(factors, biases, k, r, y);
            var predicted = model.Predict(features.Row(ids[r]));
            for (int o = 0; o < k; o++)
                y[o] -= predicted.Factors[o];
            y[k] -= predicted.Bias;
            SpdMatrix.AddOuter(covariance, outputs, y, weight / total);
        }
        return new MetadataModel(features, coefficients, RowPrior.PrecisionOf(covariance, outputs), outputs, rows.Count);
    }

    /// <summary>Solves gram · B = cross for every output column.</summary>
    private static double[] Solve(double[] gram, double[] cross, int width, int outputs)
    {
        var coefficients = new double[width * outputs];
        var column = new double[width];
        var factor = SpdMatrix.Factor(gram, width);
        for (int o = 0; o < outputs; o++)
        {
            for (int j = 0; j < width; j++)
                column[j] = cross[j * outputs + o];
            SpdMatrix.Solve(factor, width, column);
            for (int j = 0; j < width; j++)
                coefficients[j * outputs + o] = column[j];
        }
        return coefficients;
    }

    private static void Read(ReadOnlySpan<float> features, Span<double> z)
    {
        for (int j = 0; j < features.Length; j++)
            z[j] = features[j];
        z[^1] = 1;
    }

    private static void Read(float[] factors, float[] biases, int k, int r, Span<double> y)
    {
        for (int f = 0; f < k; f++)
            y[f] = factors[r * k + f];
        y[k] = biases[r];
    }
}
