using Collab.Data;
using Collab.Models;

namespace Collab.Persistence;

/// <summary>
/// Everything needed to use a model after training: its kind and weights, both vocabularies, what each user
/// interacted with (training rows, to count ratings and fold in; held-out rows too, so that a recommendation never
/// repeats what a user already has), and the training summary.
/// </summary>
public sealed class TrainedModel
{
    /// <summary>Bundles a dot-bias model with its vocabularies, training interactions and summary.</summary>
    public TrainedModel(DotBiasModel model, Vocabulary users, Vocabulary items, InteractionIndex interactions, TrainingSummary summary)
        : this(ModelKind.Dot, model, users, items, interactions, summary)
    {
    }

    /// <summary>
    /// Bundles a model of any kind with its vocabularies, training interactions, summary and the held-out
    /// interactions (seen by the user, never trained on).
    /// </summary>
    public TrainedModel(ModelKind kind, ICollabModel model, Vocabulary users, Vocabulary items, InteractionIndex interactions, TrainingSummary summary, InteractionIndex? heldOut = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(summary);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind.");
        var (modelUsers, modelItems) = ModelShape.Of(model);
        if (modelUsers is { } u && u != users.Count || modelItems != items.Count || interactions.UserCount != users.Count
            || heldOut is not null && heldOut.UserCount != users.Count)
            throw new ArgumentException("The vocabularies, interactions and model tables disagree in size.");
        if (ModelShape.IsFactorKind(kind) != model is DotBiasModel)
            throw new ArgumentException($"A {kind.ToString().ToLowerInvariant()} model cannot hold a {model.GetType().Name}.", nameof(model));
        Kind = kind;
        Model = model;
        Users = users;
        Items = items;
        Interactions = interactions;
        HeldOut = heldOut ?? InteractionIndex.Empty(users.Count);
        Summary = summary;
        _stats = new Lazy<InteractionStats>(() => InteractionStats.From(interactions, items.Count));
    }

    private readonly Lazy<InteractionStats> _stats;

    /// <summary>What kind of model this is.</summary>
    public ModelKind Kind { get; }

    /// <summary>The weights.</summary>
    public ICollabModel Model { get; }

    /// <summary>
    /// The factor tables of a factor kind (dot, ials, bpr, bce). Throws <see cref="ModelKindException"/>, naming
    /// <paramref name="feature"/>, for the other kinds.
    /// </summary>
    public DotBiasModel FactorsFor(string feature) =>
        Model as DotBiasModel ?? throw new ModelKindException(Kind, feature);

    /// <summary>The factor tables, or null for kinds without them (nn, ease).</summary>
    public DotBiasModel? Factors => Model as DotBiasModel;

    /// <summary>User ids by model row.</summary>
    public Vocabulary Users { get; }

    /// <summary>Item ids by model row.</summary>
    public Vocabulary Items { get; }

    /// <summary>Training ratings grouped by user.</summary>
    public InteractionIndex Interactions { get; }

    /// <summary>Held-out ratings grouped by user: seen by the user, never trained on (empty for a model trained on all rows).</summary>
    public InteractionIndex HeldOut { get; }

    /// <summary>Training ratings per user and item row and their means, counted once on first use.</summary>
    public InteractionStats Stats => _stats.Value;

    /// <summary>How the model was trained.</summary>
    public TrainingSummary Summary { get; }

    /// <summary>Writes the model file atomically (see docs/model-file-format.md).</summary>
    public void Save(string path) => ModelFile.Write(path, this);

    /// <summary>Reads and verifies a model file.</summary>
    public static TrainedModel Load(string path) => ModelFile.Read(path);
}
