using System.Globalization;
using System.Text.Json;
using Collab.Cli.Tests.Support;
using Collab.Persistence;
using Collab.Tests.Support;
using Parquet;

namespace Collab.Cli.Tests.Commands;

public sealed class ParquetCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void A_parquet_file_with_the_rows_of_a_csv_trains_the_identical_model_on_one_thread()
    {
        using var folder = new TempFolder();
        var csv = SharedData.Path("data", "movie_lens_sample", "ratings.csv");
        // Named .dat on purpose: the magic bytes, not the name, make it Parquet.
        var parquet = WriteSampleAsParquet(csv, folder.Combine("ratings.dat"));
        string[] options = ["--recipe", "lesson", "--mode", "fast", "--threads", "1", "--ensemble", "1", "--epochs", "2", "--seed", "7"];
        var fromCsv = Train(csv, folder.Combine("csv.collab"), options);
        var fromParquet = Train(parquet, folder.Combine("parquet.collab"), options);
        Assert.Equal(fromCsv.Users.Ids, fromParquet.Users.Ids);
        Assert.Equal(fromCsv.Items.Ids, fromParquet.Items.Ids);
        var expected = fromCsv.Factors!.Parameters;
        var actual = fromParquet.Factors!.Parameters;
        Assert.Equal(expected.Count, actual.Count);
        for (int p = 0; p < expected.Count; p++)
            Assert.Equal(expected[p].Values, actual[p].Values);
    }

    [Fact]
    public void A_two_column_parquet_file_trains_on_who_interacted_with_what()
    {
        using var folder = new TempFolder();
        var rows = SampleRows(SharedData.Path("data", "movie_lens_sample", "ratings.csv"));
        var path = ParquetFile.Write(folder.Combine("bought.parquet"), ("customer", rows.Select(r => "c" + r.User).ToArray()), ("product", rows.Select(r => r.Item).ToArray()));
        var result = CliRunner.Run("train", path, "--valid-pct", "0.2");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("6,031 interactions, 100 users, 100 items from", result.Output);
        Assert.Contains("No rating column: each line is an interaction, so this trains the ials model", result.Output);
    }

    [Fact]
    public void A_null_id_fails_in_one_line_naming_the_file_row_group_row_and_column()
    {
        using var folder = new TempFolder();
        var path = ParquetFile.Write(folder.Combine("bad.parquet"), ("userId", new int?[] { 1, null }), ("movieId", new[] { 1, 2 }), ("rating", new[] { 4.0, 3.0 }));
        foreach (var command in new[] { "train", "evaluate" })
        {
            var result = CliRunner.Run(command, path);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"error: {path}, row group 1, row 2, column 'userId': the user id is null. Every rating needs a user: fill the id or drop the row.", result.Error.Trim());
        }
    }

    [Fact]
    public void A_rating_column_named_on_the_command_line_is_found_in_the_schema()
    {
        using var folder = new TempFolder();
        var path = ParquetFile.Write(folder.Combine("r.parquet"), ("userId", new[] { 1, 2 }), ("movieId", new[] { 1, 2 }), ("stars", new[] { float.NaN, 3f }));
        var result = CliRunner.Run("train", path, "--rating-col", "score");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no rating column named 'score' (columns are: userId, movieId, stars)", result.Error);
        result = CliRunner.Run("train", path, "--rating-col", "stars");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {path}, row group 1, row 1, column 'stars': the rating NaN is not a finite number (NaN).", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void All_users_recommendations_read_back_from_parquet_with_the_documented_columns_and_the_single_user_answers()
    {
        var path = Path.Combine(models.Folder, "all.parquet");
        var result = CliRunner.Run("recommend", models.Sample, "--all-users", "-n", "3", "--out", path);
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = ReadRecommendations(path);
        // The sample's users have rated most of its 100 items: a few have fewer than 3 left to recommend.
        Assert.Contains("Scored 100 users x 100 items in", result.Error);
        Assert.Contains($"wrote {rows.Count} rows to {path}", result.Error);
        Assert.InRange(rows.Count, 250, 300);
        Assert.Equal(100, rows.Select(r => r.User).Distinct().Count());
        foreach (var user in new[] { 73L, 15L, 268L })
        {
            using var json = JsonDocument.Parse(CliRunner.Run("recommend", models.Sample, "--user", user.ToString(CultureInfo.InvariantCulture), "-n", "3", "--json").Output);
            var expected = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            var actual = rows.Where(r => r.User == user).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(Enumerable.Range(1, expected.Count), actual.Select(r => r.Rank));
            Assert.Equal(expected.Select(e => e.GetProperty("id").GetString()), actual.Select(r => r.Item.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Select(e => e.GetProperty("title").GetString()), actual.Select(r => r.Title));
            for (int i = 0; i < expected.Count; i++)
                Assert.Equal(expected[i].GetProperty("score").GetSingle(), actual[i].Predicted, 1e-6f);
        }
    }

    [Fact]
    public void All_users_recommendations_as_csv_hold_the_same_rows_as_the_parquet_file()
    {
        var parquet = Path.Combine(models.Folder, "same.parquet");
        var csv = Path.Combine(models.Folder, "same.csv");
        Assert.Equal(0, CliRunner.Run("recommend", models.Sample, "--all-users", "-n", "2", "--out", parquet, "--threads", "2").ExitCode);
        Assert.Equal(0, CliRunner.Run("recommend", models.Sample, "--all-users", "-n", "2", "--out", csv, "--threads", "1").ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("user,rank,item,predicted,title", lines[0]);
        var fromParquet = ReadRecommendations(parquet);
        Assert.Equal(fromParquet.Count, lines.Length - 1);
        for (int r = 0; r < fromParquet.Count; r++)
        {
            var fields = lines[r + 1].Split(',');
            Assert.Equal((fromParquet[r].User, fromParquet[r].Rank, fromParquet[r].Item), (long.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture)));
            Assert.Equal(float.Parse(fields[3], CultureInfo.InvariantCulture), fromParquet[r].Predicted, 1e-6f);
        }
    }

    private sealed record Row(long User, int Rank, long Item, float Predicted, string? Title);

    private static List<Row> ReadRecommendations(string path) => ReadRecommendationsAsync(path).GetAwaiter().GetResult();

    private static async Task<List<Row>> ReadRecommendationsAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        Assert.Equal(["user", "rank", "item", "predicted", "title"], fields.Select(f => f.Name));
        Assert.Equal([typeof(long), typeof(int), typeof(long), typeof(float)], fields.Take(4).Select(f => f.ClrType));
        var rows = new List<Row>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = (int)group.RowCount;
            var users = new long[count];
            var ranks = new int[count];
            var items = new long[count];
            var scores = new float[count];
            var titles = new string?[count];
            await group.ReadAsync<long>(fields[0], users);
            await group.ReadAsync<int>(fields[1], ranks);
            await group.ReadAsync<long>(fields[2], items);
            await group.ReadAsync<float>(fields[3], scores);
            await group.ReadAsync(fields[4], titles.AsMemory()!);
            for (int r = 0; r < count; r++)
                rows.Add(new Row(users[r], ranks[r], items[r], scores[r], titles[r]));
        }
        return rows;
    }

    private static TrainedModel Train(string ratings, string model, string[] options)
    {
        var result = CliRunner.Run(["train", ratings, .. options, "--out", model]);
        Assert.True(result.ExitCode == 0, result.Error);
        return TrainedModel.Load(model);
    }

    private sealed record Rating(int User, long Item, double Stars, long Time);

    private static List<Rating> SampleRows(string csv) =>
        [.. File.ReadLines(csv).Skip(1).Select(line => line.Split(',')).Select(f => new Rating(
            int.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture)))];

    // The sample's rows as Parquet: int32 users, int64 items, double ratings, int64 timestamps, in row groups of 1,000.
    private static string WriteSampleAsParquet(string csv, string path)
    {
        var rows = SampleRows(csv);
        return ParquetFile.Write(path, 1000, ("userId", rows.Select(r => r.User).ToArray()), ("movieId", rows.Select(r => r.Item).ToArray()),
            ("rating", rows.Select(r => r.Stars).ToArray()), ("timestamp", rows.Select(r => r.Time).ToArray()));
    }
}
