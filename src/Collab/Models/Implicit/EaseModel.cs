using System.Numerics.Tensors;
using Collab.Data;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// EASE (Steck 2019): an item x item weight matrix B with zero diagonal that minimises ‖X − X·B‖² + λ‖B‖², X the
/// binary user x item interactions. Closed form: P = (XᵀX + λI)⁻¹, B = I − P·diagMat(1/diag(P)), so
/// B_ij = −P_ij / P_jj off the diagonal. A user's scores are x_u·B: the sum of the B rows of the items they have.
/// </summary>
/// <remarks>
/// B is dense: training holds n² doubles (XᵀX, inverted in place by a blocked sweep on all cores) and then n²
/// floats, and costs about n³ flops. Measured on this project's shared 2-core AMD EPYC (AVX-512), 24 GiB: the 8,977
/// item rows of ml-latest-small's 80% training split took 47 s at load 8, with 0.82 GB resident at peak
/// (docs/benchmarks.md). Time grows as n³ and memory as n², so <see cref="MaxItems"/> = 20,000 (ML-20M after Steck's
/// filtering has 20,108 items) needs 4.5 GiB and about 9 minutes there. Beyond that, drop rare items first.
/// </remarks>
/// <example><code>
/// var index = InteractionIndex.FromRatings(data.Train, data.Users.Count);
/// var ease = EaseModel.Train(index, data.Items.Count, new EaseOptions { Lambda = 50 });
/// var scores = new float[ease.ItemCount];
/// ease.Score(index.ItemsOf(user), scores);
/// </code></example>
public sealed class EaseModel
{
    /// <summary>The most item rows <see cref="Train"/> accepts (see the remarks for the time and memory behind it).</summary>
    public const int MaxItems = 20_000;

    private readonly float[] _weights;
    private readonly ParallelOptions _parallel;

    private EaseModel(float[] weights, int items, EaseOptions options)
    {
        _weights = weights;
        ItemCount = items;
        Options = options;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads == 0 ? -1 : options.Threads };
    }

    /// <summary>Item rows (#na# included).</summary>
    public int ItemCount { get; }

    /// <summary>The settings it was trained with.</summary>
    public EaseOptions Options { get; }

    /// <summary>B, row-major (ItemCount x ItemCount): row i holds what having item i adds to every item's score.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    // The weights themselves, shared with the model file's table (items x items floats: never copied).
    internal float[] WeightArray => _weights;

    /// <summary>A model over weights read back from a model file.</summary>
    internal static EaseModel FromWeights(float[] weights, int items, EaseOptions options)
    {
        if (weights.Length != (long)items * items)
            throw new ArgumentException($"{weights.Length} weights do not fill {items}x{items}.", nameof(weights));
        return new EaseModel(weights, items, options);
    }

    /// <summary>Bytes training needs at peak for <paramref name="items"/> item rows: n² doubles plus n² floats.</summary>
    public static long TrainingBytes(int items) => 12L * items * items;

    /// <summary>Learns B from each user's interactions (ratings are ignored: every interaction counts as 1).</summary>
    /// <param name="interactions">Items of each user, by model index.</param>
    /// <param name="itemCount">Item rows (#na# included), at most <see cref="MaxItems"/>.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellation">Checked between block steps of the inversion.</param>
    public static EaseModel Train(InteractionIndex interactions, int itemCount, EaseOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        options ??= new EaseOptions();
        options.Validate();
        if (itemCount > MaxItems)
            throw new ArgumentOutOfRangeException(nameof(itemCount), itemCount,
                $"EASE holds a dense item x item matrix: {itemCount:N0} items would need {TrainingBytes(itemCount) / (double)(1L << 30):F1} GiB " +
                $"and about n³ = {Math.Pow(itemCount, 3):E1} flops; the limit is {MaxItems:N0} items " +
                $"({TrainingBytes(MaxItems) / (double)(1L << 30):F1} GiB). Keep only the items with the most interactions.");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads == 0 ? -1 : options.Threads, CancellationToken = cancellation };
        var gram = EaseGram.Lower(interactions, itemCount, parallel);
        for (int i = 0; i < itemCount; i++)
            gram[i * itemCount + i] += options.Lambda;
        BlockedSpdInverse.InvertLower(gram, itemCount, parallel);
        var weights = new float[itemCount * itemCount];
        Parallel.For(0, itemCount, parallel, i =>
        {
            var row = weights.AsSpan(i * itemCount, itemCount);
            for (int j = 0; j < itemCount; j++)
            {
                double pij = j <= i ? gram[i * itemCount + j] : gram[j * itemCount + i];
                row[j] = i == j ? 0f : (float)(-pij / gram[j * itemCount + j]);
            }
        });
        return new EaseModel(weights, itemCount, options);
    }

    /// <summary>Scores every item for a user with the given items: scores = x_u·B (the user's own items are not masked).</summary>
    public void Score(ReadOnlySpan<int> items, Span<float> scores)
    {
        if (scores.Length != ItemCount)
            throw new ArgumentException($"The scores span holds {scores.Length} values; it needs one per item row ({ItemCount}).", nameof(scores));
        scores.Clear();
        foreach (int item in items)
        {
            if ((uint)item >= (uint)ItemCount)
                throw new ArgumentOutOfRangeException(nameof(items), item, $"Item {item} is outside the model's {ItemCount} item rows.");
            TensorPrimitives.Add(scores, _weights.AsSpan(item * ItemCount, ItemCount), scores);
        }
    }

    /// <summary>
    /// Scores many users at once on all cores: row r of <paramref name="scores"/> (ItemCount wide) gets the scores of
    /// user <paramref name="users"/>[r] from <paramref name="interactions"/>.
    /// </summary>
    public void ScoreMany(InteractionIndex interactions, IReadOnlyList<int> users, Memory<float> scores)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(users);
        if (scores.Length != (long)users.Count * ItemCount)
            throw new ArgumentException($"The scores hold {scores.Length} values; {users.Count} users need {(long)users.Count * ItemCount}.", nameof(scores));
        Parallel.For(0, users.Count, _parallel, r => Score(interactions.ItemsOf(users[r]), scores.Span.Slice(r * ItemCount, ItemCount)));
    }
}
