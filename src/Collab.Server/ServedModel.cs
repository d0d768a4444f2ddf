using Collab.Data;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;
using Collab.Server.Contracts;
using Collab.Server.Onboarding;
using Collab.Server.Storage;

namespace Collab.Server;

/// <summary>One loaded model with everything derived from it; read-only, shared by all requests until a reload swaps it.</summary>
internal sealed class ServedModel
{
    public ServedModel(string path, TrainedModel trained, ItemCatalog? items, DateTimeOffset loadedAt, ApproximateOptions approximate)
    {
        Path = path;
        Trained = trained;
        Items = items;
        LoadedAt = loadedAt;
        Approximate = approximate;
        Predictor = new Predictor(trained, approximate);
        // Onboarding folds visitors in against factor tables; the kinds without them (nn, ease) serve trained users only.
        ColdStart = trained.Factors is null ? null : new VisitorColdStart(trained);
        Reasons = new ReasonWriter(trained, items);
        // Build the item table or the approximate index now, so the first request after a (re)load is not the slow one.
        Predictor.Prepare();
    }

    public string Path { get; }

    public TrainedModel Trained { get; }

    public ItemCatalog? Items { get; }

    public DateTimeOffset LoadedAt { get; }

    public ApproximateOptions Approximate { get; }

    public Predictor Predictor { get; }

    public VisitorColdStart? ColdStart { get; }

    public ReasonWriter Reasons { get; }

    /// <summary>Reads a model file that must be a regular file of at most <paramref name="maxBytes"/> (see <see cref="RegularFile"/>).</summary>
    public static ServedModel Load(string path, long maxBytes, ItemCatalog? items, DateTimeOffset now, ApproximateOptions approximate)
    {
        var bytes = RegularFile.TryRead(path, maxBytes, out var refusal) ?? throw new ModelFileException(path, refusal);
        // Kept indexes follow the model file: a reload of another file must not find the old one's.
        return new(path, ModelFile.Read(bytes, path), items, now, approximate.IndexPath is null ? approximate : approximate with { IndexPath = path });
    }

    /// <summary>The model row of a trained item, or -1.</summary>
    public int ItemRow(string id) => Trained.Items.TryGetIndex(id, out int row) && Predictor.Stats.ItemCounts[row] > 0 ? row : -1;

    public ItemView View(string id, float? score = null, string? reason = null)
    {
        ItemInfo? info = null;
        Items?.TryGet(id, out info);
        int row = ItemRow(id);
        return new ItemView(id, info?.Title, info?.Genres ?? [], row > 0 ? Predictor.Stats.ItemCounts[row] : 0, score, reason);
    }
}
