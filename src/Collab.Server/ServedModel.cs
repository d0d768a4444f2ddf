using System.Security.Cryptography;
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
    public ServedModel(string path, string checksum, TrainedModel trained, ItemCatalog? items, DateTimeOffset loadedAt, ApproximateOptions approximate)
    {
        Path = path;
        Checksum = checksum;
        // The file's modification time: when the model was written (an atomic rename keeps the time of the copy).
        CreatedAt = File.GetLastWriteTimeUtc(path);
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

    /// <summary>SHA-256 of the model file's bytes, in lower-case hex: the same on every replica serving the same file.</summary>
    public string Checksum { get; }

    public DateTimeOffset CreatedAt { get; }

    public TrainedModel Trained { get; }

    public ItemCatalog? Items { get; }

    public DateTimeOffset LoadedAt { get; }

    public ApproximateOptions Approximate { get; }

    public Predictor Predictor { get; }

    public VisitorColdStart? ColdStart { get; }

    public ReasonWriter Reasons { get; }

    /// <summary>The bytes of a model file that must be a regular file of at most <paramref name="maxBytes"/> (see <see cref="RegularFile"/>).</summary>
    public static byte[] ReadFile(string path, long maxBytes) =>
        RegularFile.TryRead(path, maxBytes, out var refusal) ?? throw new ModelFileException(path, refusal);

    public static string ChecksumOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The model to start with: the options' file, or the model the caller already read from it. The operator chose
    /// it, so the reload cap does not apply.
    /// </summary>
    public static ServedModel Initial(CollabServerOptions options, DateTimeOffset now)
    {
        var bytes = File.ReadAllBytes(options.ModelPath);
        return new(options.ModelPath, ChecksumOf(bytes), options.Model ?? ModelFile.Read(bytes, options.ModelPath), options.Items, now, IndexesOf(options.Approximate, options.ModelPath));
    }

    /// <summary>A model read from <paramref name="bytes"/> of the file <paramref name="path"/>, replacing <paramref name="old"/>.</summary>
    public static ServedModel Replacing(ServedModel old, string path, string checksum, byte[] bytes, DateTimeOffset now) =>
        new(path, checksum, ModelFile.Read(bytes, path), old.Items, now, IndexesOf(old.Approximate, path));

    // Kept indexes follow the model file: a reload of another file must not find the old one's.
    private static ApproximateOptions IndexesOf(ApproximateOptions approximate, string path) =>
        approximate.IndexPath is null ? approximate : approximate with { IndexPath = path };

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
