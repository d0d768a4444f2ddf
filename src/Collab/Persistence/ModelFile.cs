using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Models.Neural;

namespace Collab.Persistence;

/// <summary>
/// The model file: magic bytes, format version, a JSON header, the vocabularies, the weight tables, the
/// training interactions, and a SHA-256 of everything before it. Written to a temporary file and renamed;
/// read only after every byte is verified. The layout is documented in docs/model-file-format.md.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 2;

    // Version 1 held the dot-bias model only and no held-out interactions; it still loads.
    private const int OldestReadableVersion = 1;

    private static readonly byte[] Magic = "COLLABMF"u8.ToArray();
    private const int ChecksumLength = 32;

    /// <summary>Writes a model atomically: a temporary file in the same folder, flushed, then renamed over the target.</summary>
    /// <param name="path">The model file to write.</param>
    /// <param name="model">The model.</param>
    /// <param name="time">The clock of the header's creation time; default the system's.</param>
    public static void Write(string path, TrainedModel model, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var clock = time ?? TimeProvider.System;
        RemoveStaleTemporaries(folder, Path.GetFileName(full), clock);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var body = Serialize(model, clock);
                stream.Write(body);
                stream.Write(SHA256.HashData(body));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    // A save killed mid-write leaves its temporary file behind; the next save of the same file removes those old
    // enough (an hour) that no save still running can own them.
    private static void RemoveStaleTemporaries(string folder, string name, TimeProvider time)
    {
        if (!Directory.Exists(folder))
            return;
        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var stale in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(stale) < cutoff)
                    File.Delete(stale);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another save removed it first, or it is in use: leave it.
            }
        }
    }

    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Reads a model file, verifying magic, version, checksum and every length before use.</summary>
    public static TrainedModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new ModelFileException(path, "the model file does not exist. Train one with 'collab train ... --out FILE'.");
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a model from a model file's bytes already in memory, with the same checks; <paramref name="path"/> names the file in errors.</summary>
    public static TrainedModel Read(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(path);
        if (bytes.Length < Magic.Length + 8 + ChecksumLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelFileException(path, "this is not a Collab model file (its first bytes are not 'COLLABMF').");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        if (version is < OldestReadableVersion or > FormatVersion)
            throw new ModelFileException(path, $"the model file has format version {version}; this Collab reads versions {OldestReadableVersion} to {FormatVersion}. Retrain the model or use a matching Collab.");
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
            throw new ModelFileException(path, "the model file is damaged (its checksum does not match: truncated or corrupted). Retrain or restore it from a copy.");
        try
        {
            return Deserialize(body[(Magic.Length + 4)..], version);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentException or InvalidDataException or OverflowException)
        {
            throw new ModelFileException(path, $"the model file's contents are inconsistent ({DisplayText.Escape(e.Message)}).");
        }
    }

    private static byte[] Serialize(TrainedModel trained, TimeProvider time)
    {
        var model = trained.Model;
        var factors = trained.Factors;
        var header = new ModelFileHeader
        {
            Kind = ModelTables.KindName(trained.Kind),
            Factors = factors?.Factors ?? 0,
            YRange = OutputRangeOf(model) is { } r ? [r.Low, r.High] : null,
            Users = trained.Users.Count,
            Items = trained.Items.Count,
            Interactions = trained.Interactions.Count,
            HeldOut = trained.HeldOut.Count,
            Neural = ModelTables.ShapeOf(model),
            CreatedBy = $"Collab {typeof(ModelFile).Assembly.GetName().Version}",
            CreatedUtc = time.GetUtcNow(),
            Summary = trained.Summary,
        };
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            var json = JsonSerializer.SerializeToUtf8Bytes(header, CollabJson.Options);
            writer.Write(json.Length);
            writer.Write(json);
            WriteStrings(writer, trained.Users.Ids);
            WriteStrings(writer, trained.Items.Ids);
            var tables = ModelTables.Of(model).ToList();
            writer.Write(tables.Count);
            foreach (var (name, rows, columns, values) in tables)
            {
                WriteString(writer, name);
                writer.Write(rows);
                writer.Write(columns);
                writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
            WriteInteractions(writer, trained.Interactions);
            WriteInteractions(writer, trained.HeldOut);
        }
        return buffer.ToArray();
    }

    private static OutputRange? OutputRangeOf(ICollabModel model) => model switch
    {
        DotBiasModel dot => dot.YRange,
        EmbeddingNN nn => nn.YRange,
        _ => null,
    };

    private static void WriteInteractions(BinaryWriter writer, InteractionIndex interactions)
    {
        WriteInts(writer, interactions.Offsets);
        WriteInts(writer, interactions.AllItems);
        writer.Write(MemoryMarshal.AsBytes(interactions.AllRatings));
    }

    private static TrainedModel Deserialize(ReadOnlySpan<byte> content, int version)
    {
        var reader = new SpanReader(content);
        var header = JsonSerializer.Deserialize<ModelFileHeader>(reader.Bytes(reader.Count()), CollabJson.Options)
            ?? throw new InvalidDataException("empty header");
        var kind = ModelTables.ParseKind(header.Kind);
        if (version == 1 && kind != ModelKind.Dot)
            throw new InvalidDataException($"a version-1 file holds a '{header.Kind}' model");
        var users = Vocabulary.FromOrderedEntries(ReadStrings(ref reader));
        var items = Vocabulary.FromOrderedEntries(ReadStrings(ref reader));
        var model = ModelTables.CreateEmpty(kind, header, users.Count, items.Count);
        var expected = ModelTables.Of(model).ToList();
        int tensors = reader.Count();
        if (tensors != expected.Count)
            throw new InvalidDataException($"{tensors} weight tables, expected {expected.Count}");
        foreach (var table in expected)
        {
            var name = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
            int rows = reader.Count();
            int columns = reader.Count();
            if (name != table.Name || rows != table.Rows || columns != table.Columns)
                throw new InvalidDataException($"weight table '{name}' is {rows}x{columns}, expected '{table.Name}' {table.Rows}x{table.Columns}");
            MemoryMarshal.Cast<byte, float>(reader.Bytes(checked(rows * columns * 4))).CopyTo(table.Values);
            if (!AllFinite(table.Values))
                throw new InvalidDataException($"weight table '{name}' holds NaN or infinite values: the training that wrote it diverged. Retrain with a lower learning rate");
            if (!AllPlausible(table.Values, variance: name.EndsWith(".running_var", StringComparison.Ordinal)))
                throw new InvalidDataException($"weight table '{name}' holds values no training writes (beyond ±{PlausibleWeight:E0}, or a negative variance)");
        }
        var interactions = ReadInteractions(ref reader, users.Count, items.Count);
        var heldOut = version == 1 ? null : ReadInteractions(ref reader, users.Count, items.Count);
        if (!reader.AtEnd)
            throw new InvalidDataException("unexpected bytes after the last section");
        // EASE scores from the training interactions, which follow its weights in the file.
        if (model is EaseScorer ease)
            model = new EaseScorer(ease.Model, interactions);
        return new TrainedModel(kind, model, users, items, interactions, header.Summary, heldOut);
    }

    // Far above any trained weight, and low enough that no score built from such weights can overflow a float.
    private const float PlausibleWeight = 1e15f;

    private static bool AllPlausible(ReadOnlySpan<float> values, bool variance)
    {
        foreach (var v in values)
        {
            if (Math.Abs(v) > PlausibleWeight || variance && v < 0)
                return false;
        }
        return true;
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
                return false;
        }
        return true;
    }

    private static InteractionIndex ReadInteractions(ref SpanReader reader, int userCount, int itemCount)
    {
        var offsets = ReadInts(ref reader);
        var interactionItems = ReadInts(ref reader);
        var ratings = MemoryMarshal.Cast<byte, float>(reader.Bytes(checked(interactionItems.Length * 4))).ToArray();
        ValidateInteractions(offsets, interactionItems, userCount, itemCount);
        return new InteractionIndex(offsets, interactionItems, ratings);
    }

    private static void ValidateInteractions(int[] offsets, int[] items, int userCount, int itemCount)
    {
        if (offsets.Length != userCount + 1 || offsets[0] != 0 || offsets[^1] != items.Length)
            throw new InvalidDataException("the interaction offsets do not match the users");
        for (int u = 0; u < userCount; u++)
        {
            if (offsets[u + 1] < offsets[u])
                throw new InvalidDataException("the interaction offsets decrease");
        }
        foreach (var item in items)
        {
            if ((uint)item >= (uint)itemCount)
                throw new InvalidDataException("an interaction names an item outside the vocabulary");
        }
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
            WriteString(writer, value);
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteInts(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static string[] ReadStrings(ref SpanReader reader)
    {
        int count = reader.Count(bytesEach: 4);
        var values = new string[count];
        for (int i = 0; i < count; i++)
            values[i] = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
        return values;
    }

    private static int[] ReadInts(ref SpanReader reader)
    {
        int count = reader.Count(bytesEach: 4);
        return MemoryMarshal.Cast<byte, int>(reader.Bytes(checked(count * 4))).ToArray();
    }
}
