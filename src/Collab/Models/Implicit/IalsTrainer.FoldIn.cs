using System.Numerics.Tensors;

namespace Collab.Models.Implicit;

public static partial class IalsTrainer
{
    /// <summary>
    /// The factor row of a new user from the items they picked, against frozen item factors: one exact least-squares
    /// solve of the training objective (the row training's user half-step computes with
    /// <see cref="IalsOptions.ConjugateGradientSteps"/> = 0), so the row scores like a trained user's. Costs one pass
    /// over the item table for its Gram matrix (items x k²) plus a k x k Cholesky.
    /// </summary>
    /// <param name="model">A model from <see cref="Train"/> (only its item factors are read).</param>
    /// <param name="items">The picked items, by model index; none gives the zero row.</param>
    /// <param name="options">The settings the model was trained with (λ, ν, α0, confidence scale); null for the defaults.</param>
    /// <param name="ratings">Ratings matching <paramref name="items"/> for the confidences, or empty to treat each as rating 1.</param>
    /// <returns>The user's k factors.</returns>
    /// <example><code>
    /// float[] visitor = IalsTrainer.FoldIn(model, [data.Items.Encode("296"), data.Items.Encode("318")], options);
    /// </code></example>
    public static float[] FoldIn(DotBiasModel model, ReadOnlySpan<int> items, IalsOptions? options = null, ReadOnlySpan<float> ratings = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new IalsOptions();
        options.Validate();
        if (!ratings.IsEmpty && ratings.Length != items.Length)
            throw new ArgumentException($"{ratings.Length} ratings were given for {items.Length} items.", nameof(ratings));
        int k = model.Factors;
        var x = new float[k];
        if (items.IsEmpty)
            return x;
        var confidences = new float[items.Length];
        for (int n = 0; n < items.Length; n++)
        {
            if ((uint)items[n] >= (uint)model.ItemCount)
                throw new ArgumentOutOfRangeException(nameof(items), items[n], $"Item {items[n]} is outside the model's {model.ItemCount} item rows.");
            float c = (float)(1 + options.ConfidenceScale * (ratings.IsEmpty ? 1f : ratings[n]));
            if (!(c > 0) || !float.IsFinite(c))
                throw new ArgumentOutOfRangeException(nameof(ratings), c, $"The confidence of item {items[n]} is not a positive number.");
            confidences[n] = c;
        }
        var parallel = Parallelism(options, CancellationToken.None);
        var gram = IalsSolver.Gram(model.ItemFactors.Values, model.ItemCount, k, parallel);
        TensorPrimitives.Multiply(gram, options.UnobservedWeight, gram);
        double lambda = IalsSolver.RowRegularization(options, items.Length, model.ItemCount);
        IalsSolver.SolveExact(gram, lambda, model.ItemFactors.Values, items, confidences, k, x);
        return x;
    }
}
