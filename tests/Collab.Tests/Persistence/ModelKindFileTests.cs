using System.Security.Cryptography;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Persistence;

public sealed class ModelKindFileTests : IDisposable
{
    private static readonly RatingsTable Ratings = Some.PlantedRatings(30, 40, 2, 0.5, 0.1, 5);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<ModelKind> AllKinds => [.. Enum.GetValues<ModelKind>()];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_round_trips_bit_exactly_and_predicts_the_same_after_loading(ModelKind kind)
    {
        var trained = CollabTrainer.Train(Ratings, Recipes.ForModel(kind) with { Factors = 4, Epochs = 2, Seed = 3, Ials = new IalsOptions { Factors = 4, Iterations = 2 } });
        var path = _temp.Combine($"{kind}.collab");
        trained.Save(path);
        var loaded = TrainedModel.Load(path);
        Assert.Equal(kind, loaded.Kind);
        var before = ModelTablesOf(trained.Model);
        var after = ModelTablesOf(loaded.Model);
        Assert.Equal(before.Count, after.Count);
        for (int t = 0; t < before.Count; t++)
            Assert.Equal(before[t], after[t]);
        Assert.Equal(trained.HeldOut.Count, loaded.HeldOut.Count);
        Assert.True(loaded.HeldOut.Count > 0);
        var original = new Predictor(trained);
        var reloaded = new Predictor(loaded);
        foreach (var (user, item) in new[] { ("u3", "i7"), ("u10", "i1"), ("u29", "i39") })
            Assert.Equal(original.Predict(user, item).Rating, reloaded.Predict(user, item).Rating);
        Assert.Equal(original.Recommend("u4", 5).Results, reloaded.Recommend("u4", 5).Results);

        // A damaged copy of the same kind is refused, naming the file.
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        var damaged = _temp.Combine($"{kind}-damaged.collab");
        File.WriteAllBytes(damaged, bytes);
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(damaged));
        Assert.Contains(damaged, error.Message);
    }

    [Fact]
    public void A_file_written_by_format_version_1_still_loads_and_predicts_what_it_did()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "version1.collab");
        Assert.Equal(1, BitConverter.ToInt32(File.ReadAllBytes(path), 8));
        var loaded = TrainedModel.Load(path);
        Assert.Equal(ModelKind.Dot, loaded.Kind);
        Assert.Equal(0, loaded.HeldOut.Count);
        // Pinned when the fixture was written: `collab predict version1.collab --user u3 --item i4 --json`.
        Assert.Equal(2.7718682f, new Predictor(loaded).Predict("u3", "i4").Rating, 1e-6f);
    }

    [Fact]
    public void A_model_whose_weights_diverged_is_refused_on_load_with_the_file_named()
    {
        var trained = CollabTrainer.Train(Ratings, new TrainingOptions { Factors = 4, Epochs = 1, Seed = 3 });
        trained.Factors!.ItemBias.Values[2] = float.NaN;
        var path = _temp.Combine("nan.collab");
        trained.Save(path);
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("NaN or infinite", error.Message);
    }

    [Fact]
    public void A_crafted_vocabulary_count_is_refused_in_Collabs_words_before_anything_is_allocated()
    {
        var trained = CollabTrainer.Train(Ratings, new TrainingOptions { Factors = 4, Epochs = 1, Seed = 3 });
        var path = _temp.Combine("crafted.collab");
        trained.Save(path);
        var bytes = File.ReadAllBytes(path);
        int headerLength = BitConverter.ToInt32(bytes, 12);
        // The user vocabulary's count follows the header: make it 0x7fffffff and recompute the checksum.
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 16 + headerLength);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).CopyTo(bytes, bytes.Length - 32);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(path));
        Assert.Contains("more than the", error.Message);
        Assert.DoesNotContain("Array dimensions", error.Message);
    }

    [Fact]
    public void A_save_removes_stale_temporary_files_of_the_same_model_left_by_a_killed_save()
    {
        var trained = CollabTrainer.Train(Ratings, new TrainingOptions { Factors = 4, Epochs = 1, Seed = 3 });
        var path = _temp.Combine("m.collab");
        var stale = _temp.Combine($".m.collab.{Guid.NewGuid():N}.tmp");
        var fresh = _temp.Combine($".m.collab.{Guid.NewGuid():N}.tmp");
        var other = _temp.Combine($".other.collab.{Guid.NewGuid():N}.tmp");
        foreach (var f in new[] { stale, fresh, other })
            File.WriteAllText(f, "partial");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddHours(-2));
        trained.Save(path);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh)); // young enough to belong to a save still running
        Assert.True(File.Exists(other)); // another model's
    }

    private static List<float[]> ModelTablesOf(ICollabModel model) =>
        [.. ModelTables.Of(model).Select(t => t.Values.ToArray())];
}
