using System.Globalization;
using Collab.Data;
using Collab.Recommend;
using Parquet;
using Parquet.Schema;

namespace Collab.Cli.Files;

/// <summary>
/// Writes recommendations as Parquet with Parquet.Net, a row group at a time: columns <c>user</c>, <c>rank</c> (int32,
/// from 1), <c>item</c>, <c>predicted</c> (float) and, with titles, <c>title</c>. Ids are int64 when every id of the
/// model is an integer, text otherwise (<see cref="RecommendationIds"/>).
/// </summary>
internal static class ParquetRecommendations
{
    /// <summary>Rows per row group: about 100,000 users' top ten, some 20 MB of buffers.</summary>
    public const int DefaultGroupRows = 1 << 20;

    public static void Write(Stream stream, IEnumerable<Ranking> rankings, ItemCatalog? titles, RecommendationIds ids, int groupRows = DefaultGroupRows) =>
        WriteAsync(stream, rankings, titles, ids, groupRows).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream stream, IEnumerable<Ranking> rankings, ItemCatalog? titles, RecommendationIds ids, int groupRows)
    {
        var users = new IdColumn("user", ids.IntegerUsers, groupRows);
        var rankField = new DataField<int>("rank");
        var items = new IdColumn("item", ids.IntegerItems, groupRows);
        var scoreField = new DataField<float>("predicted");
        var titleField = new DataField<string>("title");
        DataField[] fields = titles is null
            ? [users.Field, rankField, items.Field, scoreField]
            : [users.Field, rankField, items.Field, scoreField, titleField];
        var ranks = new int[groupRows];
        var scores = new float[groupRows];
        var titleTexts = titles is null ? null : new string[groupRows];
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        int count = 0;
        bool written = false;
        async Task FlushAsync()
        {
            using var group = writer.CreateRowGroup();
            await users.WriteAsync(group, count);
            await group.WriteAsync<int>(rankField, ranks.AsMemory(0, count));
            await items.WriteAsync(group, count);
            await group.WriteAsync<float>(scoreField, scores.AsMemory(0, count));
            if (titleTexts is not null)
                await group.WriteAsync(titleField, new ArraySegment<string>(titleTexts, 0, count));
            count = 0;
            written = true;
        }
        foreach (var ranking in rankings)
        {
            for (int r = 0; r < ranking.Results.Count; r++)
            {
                var result = ranking.Results[r];
                users.Set(count, ranking.Query);
                ranks[count] = r + 1;
                items.Set(count, result.Id);
                scores[count] = result.Score;
                if (titleTexts is not null)
                    titleTexts[count] = titles!.TitleOf(result.Id) ?? "";
                if (++count == groupRows)
                    await FlushAsync();
            }
        }
        // A file with no recommendations still has its schema and one empty row group, which readers expect.
        if (count > 0 || !written)
            await FlushAsync();
    }

    private sealed class IdColumn(string name, bool integers, int capacity)
    {
        private readonly long[]? _numbers = integers ? new long[capacity] : null;
        private readonly string[]? _texts = integers ? null : new string[capacity];

        public DataField Field { get; } = integers ? new DataField<long>(name) : new DataField<string>(name);

        public void Set(int row, string id)
        {
            if (_numbers is not null)
                _numbers[row] = long.Parse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            else
                _texts![row] = id;
        }

        public Task WriteAsync(ParquetRowGroupWriter group, int rows) => _numbers is not null
            ? group.WriteAsync<long>(Field, _numbers.AsMemory(0, rows))
            : group.WriteAsync(Field, new ArraySegment<string>(_texts!, 0, rows));
    }
}
