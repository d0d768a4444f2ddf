using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TrainedModel _trained = CollabTrainer.Train(
        Some.PlantedRatings(30, 40, 2, 0.5, 0.1, 5), new TrainingOptions { Factors = 6, Epochs = 1, Seed = 3 });

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_creation_time_comes_from_the_given_clock_so_two_saves_are_byte_identical()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        string first = _temp.Combine("a.collab"), second = _temp.Combine("b.collab");
        ModelFile.Write(first, _trained, clock);
        ModelFile.Write(second, _trained, clock);
        var bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        // Header layout (docs/model-file-format.md): magic (8 bytes), version (int32), JSON length (int32), JSON.
        int length = BitConverter.ToInt32(bytes, 12);
        using var header = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(16, length));
        Assert.Equal(clock.GetUtcNow(), header.RootElement.GetProperty("createdUtc").GetDateTimeOffset());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Save_and_load_round_trip_bit_exactly()
    {
        var path = _temp.Combine("m.collab");
        _trained.Save(path);
        var loaded = TrainedModel.Load(path);
        for (int t = 0; t < 4; t++)
            Assert.Equal(_trained.Factors!.Parameters[t].Values, loaded.Factors!.Parameters[t].Values);
        Assert.Equal(_trained.Users.Ids, loaded.Users.Ids);
        Assert.Equal(_trained.Items.Ids, loaded.Items.Ids);
        Assert.Equal(_trained.Factors!.YRange, loaded.Factors!.YRange);
        Assert.Equal(_trained.Summary.Epochs, loaded.Summary.Epochs);
        Assert.Equal(_trained.Summary.Options, loaded.Summary.Options);
        for (int u = 0; u < _trained.Users.Count; u++)
            Assert.Equal(_trained.Interactions.ItemsOf(u).ToArray(), loaded.Interactions.ItemsOf(u).ToArray());
        var before = new Predictor(_trained).Predict("u3", "i7");
        Assert.Equal(before, new Predictor(loaded).Predict("u3", "i7"));
    }

    [Fact]
    public void Saving_leaves_no_temporary_file_and_replaces_an_old_model()
    {
        var path = _temp.Combine("m.collab");
        File.WriteAllText(path, "old");
        _trained.Save(path);
        Assert.Single(Directory.GetFiles(_temp.Path));
        Assert.Equal(_trained.Users.Count, TrainedModel.Load(path).Users.Count);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var path = _temp.Combine("m.collab");
        _trained.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(path));
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void A_flipped_byte_is_refused()
    {
        var path = _temp.Combine("m.collab");
        _trained.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("checksum does not match", Assert.Throws<ModelFileException>(() => TrainedModel.Load(path)).Message);
    }

    [Fact]
    public void Another_format_version_is_refused_with_both_versions_named()
    {
        var path = _temp.Combine("m.collab");
        _trained.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 9;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(path));
        Assert.Contains("format version 9", error.Message);
        Assert.Contains($"reads versions 1 to {ModelFile.FormatVersion}", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        var path = _temp.File("ratings.csv", "user,item,rating\n1,2,3\n" + new string('x', 100));
        Assert.Contains("not a Collab model file", Assert.Throws<ModelFileException>(() => TrainedModel.Load(path)).Message);
    }
}
