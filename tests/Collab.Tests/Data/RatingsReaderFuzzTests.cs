using System.Diagnostics;
using System.Text;
using Collab.Data;
using Collab.Numerics;
using Collab.Tests.Support;
using Xunit.Abstractions;

namespace Collab.Tests.Data;

/// <summary>
/// A seeded mutation fuzzer over the real ratings reader (issue 17): well-formed files in every supported layout are
/// mutated (bytes inserted, deleted, duplicated, flipped; fields replaced by hostile values; lines cut, swapped and
/// repeated) and read with a spread of options. Every read must either give a table of finite, plausible ratings
/// that the byte parser and the Sep path agree on, or a <see cref="RatingsFormatException"/> whose message is one
/// line without control characters; nothing else, and nothing slow. docs/robustness.md records the counts.
/// </summary>
public sealed class RatingsReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Inputs = 12_000;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static readonly string[] Seeds =
    [
        "userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n1,1029,3.0,1260759179\r\n7,31,4.5,1\r\n2,10,5,12\r\n",
        "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n",
        "1::1193::5::978300760\n1::661::3::978302109\n2::1357::5::978298709\n",
        "1 10 4.5\n1 20 3\n2 10 5\n3 30 1\n",
        "user;item;rating\nalice;\"Toy Story (1995)\";4\nbob;\"Heat, the movie\";3.5\n",
        "user|item|rating\nu1|i1|1\nu2|i2|2\nu1|i2|0.5\n",
        "user,item\n1,2\n1,3\n2,3\n",
    ];

    private static readonly string[] Hostile =
    [
        "NaN", "nan", "Infinity", "-Infinity", "∞", "1e39", "-1e39", "1e38", "-1e38", "99999999999999999999999999999",
        "1e-45", "-0", "0x10", "3,5", "", " ", "\"", "\"3\n4\"", "\"a\"\"b\"", "\u001b]0;title\u0007", "\u001b[2J", "\u009b31m",
        "\u202Eevil", "\r", "\n\n", "\0", "\uFEFF", "\ud800", "12345678901234567890", "-9223372036854775809", "1.5e", "+", "٣",
    ];

    private static readonly byte[] Interesting = [(byte)',', (byte)'\t', (byte)':', (byte)' ', (byte)'"', (byte)'\n', (byte)'\r', 0, 0x1B, 0x07,
        0x7F, 0xC2, 0x9B, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, (byte)'e', (byte)'-', (byte)'.', (byte)'9', (byte)'N', (byte)';', (byte)'|'];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Mutated_files_are_read_or_refused_in_one_clean_line_never_anything_else()
    {
        var random = new SeededRandom(17);
        var path = _temp.Combine("fuzz.csv");
        var counts = new Dictionary<string, int>();
        var watch = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        for (int n = 0; n < Inputs; n++)
        {
            var bytes = Mutate(Encoding.UTF8.GetBytes(Seeds[random.NextInt(Seeds.Length)]), random);
            File.WriteAllBytes(path, bytes);
            var options = Options(random);
            var started = Stopwatch.GetTimestamp();
            (string Kind, string? Failure) outcome;
            try
            {
                outcome = await Task.Run(() => ReadOnce(path, options)).WaitAsync(PerInput);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"input {n} took over {PerInput.TotalSeconds} s: {Show(bytes)}");
                throw;
            }
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
            var (kind, failure) = outcome;
            Assert.True(failure is null, $"input {n} ({kind}): {failure}\n{Show(bytes)}\noptions {options}");
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        int read = counts.Where(c => c.Key.StartsWith("read", StringComparison.Ordinal)).Sum(c => c.Value);
        output.WriteLine($"{Inputs} inputs in {watch.Elapsed.TotalSeconds:F1} s (slowest {slowest.TotalMilliseconds:F0} ms): "
            + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(read > Inputs / 20 && counts.GetValueOrDefault("refused") > Inputs / 20, "the mutations should both keep and break files");
    }

    // The outcome's kind, and what broke the rules (null when nothing did).
    private static (string Kind, string? Failure) ReadOnce(string path, RatingsFileOptions options)
    {
        try
        {
            var table = RatingsReader.Read(path, options);
            foreach (float rating in table.Ratings)
            {
                if (!float.IsFinite(rating) || Math.Abs(rating) > 1e9f)
                    return ("read", $"accepted the rating {rating}");
            }
            return Agrees(path, options, table);
        }
        catch (RatingsFormatException e)
        {
            if (e.Message.Contains('\n') || e.Message.Contains('\r') || !DisplayText.IsSafe(e.Message))
                return ("refused", $"message not one clean line: {DisplayText.Escape(e.Message)}");
            return ("refused", null);
        }
        catch (Exception e)
        {
            return ("threw", e.ToString());
        }
    }

    // The byte parser, when it takes a file, must give exactly the Sep path's table.
    private static (string Kind, string? Failure) Agrees(string path, RatingsFileOptions options, RatingsTable table)
    {
        var layout = RatingsFileLayout.Detect(path, options);
        if (ParallelRatingsReader.TryRead(path, layout) is null)
            return ("read by Sep", null);
        var sep = RatingsReader.ReadWithSep(path, layout);
        bool same = sep.Count == table.Count && sep.UserIds.Ids.SequenceEqual(table.UserIds.Ids) && sep.ItemIds.Ids.SequenceEqual(table.ItemIds.Ids)
            && sep.Users.SequenceEqual(table.Users) && sep.Items.SequenceEqual(table.Items) && sep.Ratings.SequenceEqual(table.Ratings)
            && sep.Timestamps.SequenceEqual(table.Timestamps);
        return ("read by bytes", same ? null : "the byte parser and the Sep path read different tables");
    }

    private static RatingsFileOptions Options(SeededRandom random) => random.NextInt(8) switch
    {
        0 => new RatingsFileOptions { HasHeader = false },
        1 => new RatingsFileOptions { ReadTimestamps = false },
        2 => new RatingsFileOptions { HasRatingColumn = false },
        3 => new RatingsFileOptions { Delimiter = ",", RatingColumn = "3" },
        4 => new RatingsFileOptions { HasHeader = true, RatingColumn = "rating" },
        _ => RatingsFileOptions.Default,
    };

    private static byte[] Mutate(byte[] seed, SeededRandom random)
    {
        var bytes = new List<byte>(seed);
        int mutations = 1 + random.NextInt(4);
        for (int m = 0; m < mutations; m++)
        {
            int at = bytes.Count == 0 ? 0 : random.NextInt(bytes.Count);
            switch (random.NextInt(9))
            {
                case 0:
                    bytes.Insert(at, Interesting[random.NextInt(Interesting.Length)]);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.NextInt(256));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.NextInt(8)));
                    break;
                case 3 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.NextInt(8));
                    break;
                case 4 when bytes.Count > 0:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.NextInt(16))));
                    break;
                case 5:
                    ReplaceField(bytes, random);
                    break;
                case 6 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 7:
                    RepeatLine(bytes, random);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Hostile[random.NextInt(Hostile.Length)]));
                    break;
            }
        }
        return [.. bytes];
    }

    // Replaces the text between two separators (or a separator and a line end) with a hostile value.
    private static void ReplaceField(List<byte> bytes, SeededRandom random)
    {
        var separators = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] is (byte)',' or (byte)'\t' or (byte)':' or (byte)' ' or (byte)';' or (byte)'|').ToArray();
        if (separators.Length == 0)
            return;
        int start = separators[random.NextInt(separators.Length)] + 1;
        int end = start;
        while (end < bytes.Count && bytes[end] is not ((byte)',' or (byte)'\t' or (byte)':' or (byte)' ' or (byte)';' or (byte)'|' or (byte)'\n' or (byte)'\r'))
            end++;
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(Hostile[random.NextInt(Hostile.Length)]));
    }

    // Repeats one line up to a few hundred times, so longer files reach the block planner with many rows.
    private static void RepeatLine(List<byte> bytes, SeededRandom random)
    {
        int last = bytes.LastIndexOf((byte)'\n');
        if (last <= 0)
            return;
        int start = bytes.LastIndexOf((byte)'\n', last - 1) + 1;
        var line = bytes.GetRange(start, last + 1 - start);
        int times = 1 + random.NextInt(300);
        for (int t = 0; t < times; t++)
            bytes.AddRange(line);
    }

    private static string Show(byte[] bytes) => DisplayText.Escape(Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 400))));
}
