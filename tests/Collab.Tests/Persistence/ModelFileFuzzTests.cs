using System.Diagnostics;
using System.Security.Cryptography;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;
using Xunit.Abstractions;

namespace Collab.Tests.Persistence;

/// <summary>
/// A seeded mutation fuzzer over the model loader: valid files of every kind, mutated (bytes flipped, runs
/// overwritten, lengths and counts set to crafted values, truncated or extended) and, for most cases, with the
/// checksum recomputed so the mutation reaches the parser. Every load must either succeed with finite predictions or
/// fail with a one-line <see cref="ModelFileException"/>; nothing else may escape, and no case may take long.
/// </summary>
public sealed class ModelFileFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 12_000;

    [Fact]
    public void Mutated_model_files_load_or_fail_with_one_clean_message()
    {
        var table = Some.PlantedRatings(12, 15, 2, 0.6, 0.1, 21);
        var seeds = Enum.GetValues<ModelKind>().Select(kind =>
        {
            var trained = CollabTrainer.Train(table, Recipes.ForModel(kind) with { Factors = 3, Epochs = 1, Ials = new IalsOptions { Factors = 3, Iterations = 1 } });
            return ModelFileBytes(trained);
        }).ToArray();
        var random = new SeededRandom(29);
        int loaded = 0, refused = 0;
        var slowest = TimeSpan.Zero;
        for (int c = 0; c < Cases; c++)
        {
            var bytes = Mutate(seeds[c % seeds.Length], random, recomputeChecksum: c % 10 != 0);
            var watch = Stopwatch.StartNew();
            try
            {
                var model = ModelFile.Read(bytes, "fuzzed.collab");
                var predictor = new Predictor(model);
                float p = predictor.Predict(model.Users[Math.Min(1, model.Users.Count - 1)], model.Items[Math.Min(1, model.Items.Count - 1)]).Rating;
                Assert.True(float.IsFinite(p), $"case {c}: a loaded model predicts {p}");
                loaded++;
            }
            catch (ModelFileException e)
            {
                Assert.Contains("fuzzed.collab", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                refused++;
            }
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }
        output.WriteLine($"{Cases} cases: {loaded} loaded, {refused} refused with a ModelFileException; slowest {slowest.TotalMilliseconds:F1} ms");
        Assert.Equal(Cases, loaded + refused);
        Assert.True(refused > Cases / 2, $"only {refused} of {Cases} mutations were refused: the mutations do not reach the parser");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"the slowest case took {slowest}");
    }

    private static byte[] ModelFileBytes(TrainedModel trained)
    {
        var path = Path.Combine(Path.GetTempPath(), $"collab-fuzz-{Guid.NewGuid():N}.collab");
        try
        {
            trained.Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Mutate(byte[] original, SeededRandom random, bool recomputeChecksum)
    {
        var bytes = original.ToList();
        int body = bytes.Count - 32;
        int mutations = 1 + random.NextInt(3);
        for (int m = 0; m < mutations; m++)
        {
            int at = 12 + random.NextInt(Math.Max(1, body - 12));
            switch (random.NextInt(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.NextInt(8));
                    break;
                case 1:
                    // A crafted 32-bit length or count: huge, negative, zero or off by one.
                    int[] values = [int.MaxValue, int.MinValue, -1, 0, 1, 0x7fff_fff0, BitConverter.ToInt32([.. bytes.Skip(at).Take(4).Concat(new byte[4]).Take(4)]) + 1];
                    var value = BitConverter.GetBytes(values[random.NextInt(values.Length)]);
                    for (int b = 0; b < 4 && at + b < body; b++)
                        bytes[at + b] = value[b];
                    break;
                case 2:
                    for (int b = 0; b < 1 + random.NextInt(16) && at + b < body; b++)
                        bytes[at + b] = (byte)random.NextInt(256);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(1 + random.NextInt(64), body - at));
                    body = bytes.Count - 32;
                    break;
                case 4:
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.NextInt(16)).Select(_ => (byte)random.NextInt(256)));
                    body = bytes.Count - 32;
                    break;
                default:
                    // A non-finite weight somewhere in the tables.
                    var nan = BitConverter.GetBytes(random.NextInt(2) == 0 ? float.NaN : float.PositiveInfinity);
                    for (int b = 0; b < 4 && at + b < body; b++)
                        bytes[at + b] = nan[b];
                    break;
            }
        }
        var result = bytes.ToArray();
        if (recomputeChecksum && result.Length > 32)
            SHA256.HashData(result.AsSpan(0, result.Length - 32)).CopyTo(result, result.Length - 32);
        return result;
    }
}
