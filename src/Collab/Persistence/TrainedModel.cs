using Collab.Data;
using Collab.Models;

namespace Collab.Persistence;

/// <summary>
/// Everything needed to use a model after training: the weights, both vocabularies, what each user rated
/// in training (to skip seen items, count ratings, fold in), and the training summary.
/// </summary>
public sealed class TrainedModel
{
    /// <summary>Bundles a model with its vocabularies, training interactions and summary.</summary>
    public TrainedModel(DotBiasModel model, Vocabulary users, Vocabulary items, InteractionIndex interactions, TrainingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(summary);
        if (users.Count != model.UserCount || items.Count != model.ItemCount || interactions.UserCount != users.Count)
            throw new ArgumentException("The vocabularies, interactions and model tables disagree in size.");
        Model = model;
        Users = users;
        Items = items;
        Interactions = interactions;
        Summary = summary;
        _stats = new Lazy<InteractionStats>(() => InteractionStats.From(interactions, items.Count));
    }

    private readonly Lazy<InteractionStats> _stats;

    /// <summary>The weights.</summary>
    public DotBiasModel Model { get; }

    /// <summary>User ids by model row.</summary>
    public Vocabulary Users { get; }

    /// <summary>Item ids by model row.</summary>
    public Vocabulary Items { get; }

    /// <summary>Training ratings grouped by user.</summary>
    public InteractionIndex Interactions { get; }

    /// <summary>Training ratings per user and item row and their means, counted once on first use.</summary>
    public InteractionStats Stats => _stats.Value;

    /// <summary>How the model was trained.</summary>
    public TrainingSummary Summary { get; }

    /// <summary>Writes the model file atomically (see docs/model-file-format.md).</summary>
    public void Save(string path) => ModelFile.Write(path, this);

    /// <summary>Reads and verifies a model file.</summary>
    public static TrainedModel Load(string path) => ModelFile.Read(path);
}
