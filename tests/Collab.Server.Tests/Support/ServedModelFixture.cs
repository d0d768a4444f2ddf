using Collab.Data;
using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A model trained once for the server tests on the lesson's sample (100 users x 100 movies), saved to a file the
/// server loads, with titles from ml-latest-small's movies.csv.
/// </summary>
public sealed class ServedModelFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public ServedModelFixture()
    {
        var table = RatingsTable.FromFile(SharedData.Path("data", "movie_lens_sample", "ratings.csv"));
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 10, Epochs = 3, Seed = 1, WeightDecay = 0.1 });
        ModelPath = _folder.Combine("sample.collab");
        trained.Save(ModelPath);
        // A second version of the model, for roll-outs: the same data, another seed.
        OtherModelPath = _folder.Combine("sample-v2.collab");
        CollabTrainer.Train(table, new TrainingOptions { Factors = 10, Epochs = 3, Seed = 2, WeightDecay = 0.1 }).Save(OtherModelPath);
        Items = ItemCatalog.Read(SharedData.Path("data", "ml-latest-small", "movies.csv"));
        // The sample is dense: take the trained user who has seen the fewest items, so that enough remain to recommend.
        int user = Enumerable.Range(1, trained.Users.Count - 1).Where(u => trained.Interactions.CountOf(u) > 0)
            .MinBy(u => trained.Interactions.CountOf(u) + trained.HeldOut.CountOf(u));
        FirstUser = trained.Users[user];
        FirstItem = trained.Items[1];
        var stats = new Predictor(trained).Stats;
        TrainedItems = [.. Enumerable.Range(1, trained.Items.Count - 1).Where(i => stats.ItemCounts[i] > 0).Select(i => trained.Items[i])];
    }

    public string ModelPath { get; }

    public ItemCatalog Items { get; }

    public string OtherModelPath { get; }

    /// <summary>Every item a visitor can answer about.</summary>
    public IReadOnlyList<string> TrainedItems { get; }

    public string FirstUser { get; }

    public string FirstItem { get; }

    /// <summary>A fresh database path for one test.</summary>
    public string NewDatabase() => _folder.Combine($"sessions-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
