using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collab.Data;
using Collab.Models;

namespace Collab.Persistence;

/// <summary>
/// The model file: magic bytes, format version, a JSON header, the vocabularies, the weight tables, the
/// training interactions, and a SHA-256 of everything before it. Written to a temporary file and renamed;
/// read only after every byte is verified. The layout is documented in docs/model-file-format.md.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

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
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var body = Serialize(model, time ?? TimeProvider.System);
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
        if (version != FormatVersion)
            throw new ModelFileException(path, $"the model file has format version {version}; this Collab reads version {FormatVersion}. Retrain the model or use a matching Collab.");
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
            throw new ModelFileException(path, "the model file is damaged (its checksum does not match: truncated or corrupted). Retrain or restore it from a copy.");
        try
        {
            return Deserialize(body[(Magic.Length + 4)..]);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentException or InvalidDataException or OverflowException)
        {
            throw new ModelFileException(path, $"the model file's contents are inconsistent ({e.Message}).");
        }
    }

    private static byte[] Serialize(TrainedModel trained, TimeProvider time)
    {
        var model = trained.Model;
        var header = new ModelFileHeader
        {
            Factors = model.Factors,
            YRange = model.YRange is { } r ? [r.Low, r.High] : null,
            Users = trained.Users.Count,
            Items = trained.Items.Count,
            Interactions = trained.Interactions.Count,
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
            writer.Write(model.Parameters.Count);
            foreach (var tensor in model.Parameters)
            {
                WriteString(writer, tensor.Name);
                writer.Write(tensor.Rows);
                writer.Write(tensor.Columns);
                writer.Write(MemoryMarshal.AsBytes(tensor.Values.AsSpan()));
            }
            var interactions = trained.Interactions;
            WriteInts(writer, interactions.Offsets);
            WriteInts(writer, interactions.AllItems);
            writer.Write(MemoryMarshal.AsBytes(interactions.AllRatings));
        }
        return buffer.ToArray();
    }

    private static TrainedModel Deserialize(ReadOnlySpan<byte> content)
    {
        var reader = new SpanReader(content);
        var header = JsonSerializer.Deserialize<ModelFileHeader>(reader.Bytes(reader.Count()), CollabJson.Options)
            ?? throw new InvalidDataException("empty header");
        if (header.Kind != "dot-bias")
            throw new InvalidDataException($"unknown model kind '{header.Kind}'");
        var users = Vocabulary.FromOrderedEntries(ReadStrings(ref reader));
        var items = Vocabulary.FromOrderedEntries(ReadStrings(ref reader));
        OutputRange? range = header.YRange is [var low, var high] ? new OutputRange(low, high) : null;
        var model = DotBiasModel.CreateEmpty(users.Count, items.Count, header.Factors, range);
        int tensors = reader.Count();
        if (tensors != model.Parameters.Count)
            throw new InvalidDataException($"{tensors} weight tables, expected {model.Parameters.Count}");
        foreach (var tensor in model.Parameters)
        {
            var name = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
            int rows = reader.Count();
            int columns = reader.Count();
            if (name != tensor.Name || rows != tensor.Rows || columns != tensor.Columns)
                throw new InvalidDataException($"weight table '{name}' is {rows}x{columns}, expected '{tensor.Name}' {tensor.Rows}x{tensor.Columns}");
            MemoryMarshal.Cast<byte, float>(reader.Bytes(checked(rows * columns * 4))).CopyTo(tensor.Values);
        }
        var offsets = ReadInts(ref reader);
        var interactionItems = ReadInts(ref reader);
        var ratings = MemoryMarshal.Cast<byte, float>(reader.Bytes(checked(interactionItems.Length * 4))).ToArray();
        if (!reader.AtEnd)
            throw new InvalidDataException("unexpected bytes after the last section");
        ValidateInteractions(offsets, interactionItems, users.Count, items.Count);
        var interactions = new InteractionIndex(offsets, interactionItems, ratings);
        return new TrainedModel(model, users, items, interactions, header.Summary);
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
        int count = reader.Count();
        var values = new string[count];
        for (int i = 0; i < count; i++)
            values[i] = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
        return values;
    }

    private static int[] ReadInts(ref SpanReader reader)
    {
        int count = reader.Count();
        return MemoryMarshal.Cast<byte, int>(reader.Bytes(checked(count * 4))).ToArray();
    }
}
