using System.Numerics.Tensors;
using Collab.Numerics;

namespace Collab.Models;

/// <summary>
/// The lesson's model (fastai's <c>EmbeddingDotBias</c>): r = u·i + b_u + b_i, then optionally
/// ŷ = low + (high − low)·σ(r). Four tables: user factors, item factors, user biases, item biases.
/// </summary>
public sealed class DotBiasModel : ICollabModel
{
    private DotBiasModel(int users, int items, int factors, OutputRange? yRange)
    {
        Factors = factors;
        YRange = yRange;
        UserFactors = new ParameterTensor("u_weight", users, factors);
        ItemFactors = new ParameterTensor("i_weight", items, factors);
        UserBias = new ParameterTensor("u_bias", users, 1);
        ItemBias = new ParameterTensor("i_bias", items, 1);
        Parameters = [UserFactors, ItemFactors, UserBias, ItemBias];
    }

    /// <summary>Latent factors per row.</summary>
    public int Factors { get; }

    /// <summary>The output range, if any.</summary>
    public OutputRange? YRange { get; }

    /// <summary>User factor table (users x factors).</summary>
    public ParameterTensor UserFactors { get; }

    /// <summary>Item factor table (items x factors).</summary>
    public ParameterTensor ItemFactors { get; }

    /// <summary>User biases (users x 1).</summary>
    public ParameterTensor UserBias { get; }

    /// <summary>Item biases (items x 1).</summary>
    public ParameterTensor ItemBias { get; }

    /// <summary>Number of user rows (#na# included).</summary>
    public int UserCount => UserFactors.Rows;

    /// <summary>Number of item rows (#na# included).</summary>
    public int ItemCount => ItemFactors.Rows;

    /// <inheritdoc />
    public IReadOnlyList<ParameterTensor> Parameters { get; }

    /// <summary>Creates the model with fastai's initialisation (folded normal, std 0.01, biases included).</summary>
    public static DotBiasModel Create(int users, int items, DotBiasOptions options, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Factors);
        var model = new DotBiasModel(users, items, options.Factors, options.YRange);
        foreach (var tensor in model.Parameters)
            FoldedNormal.Fill(tensor.Values, random);
        return model;
    }

    /// <summary>Creates a zero model of the given shape (for loading saved weights).</summary>
    public static DotBiasModel CreateEmpty(int users, int items, int factors, OutputRange? yRange) =>
        new(users, items, factors, yRange);

    /// <summary>The score before the output range: u·i + b_u + b_i.</summary>
    public float RawScore(int user, int item) =>
        TensorPrimitives.Dot(UserFactors.Row(user), ItemFactors.Row(item)) + UserBias.Values[user] + ItemBias.Values[item];

    /// <summary>Predicted rating for encoded indices.</summary>
    public float Predict(int user, int item) => Activate(RawScore(user, item));

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        for (int b = 0; b < users.Length; b++)
            predictions[b] = Predict(users[b], items[b]);
    }

    /// <inheritdoc />
    public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions) =>
        DotBiasKernels.ForwardBackward(this, users, items, ratings, predictions);

    /// <inheritdoc />
    public RowKey RowKeyOf(int parameter) => parameter switch
    {
        0 or 2 => RowKey.User, // user factors, user biases
        1 or 3 => RowKey.Item,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "The dot-bias model has four tensors."),
    };

    /// <summary>Applies the output range to a raw score.</summary>
    public float Activate(float raw) => OutputActivation.Apply(YRange, raw);
}
