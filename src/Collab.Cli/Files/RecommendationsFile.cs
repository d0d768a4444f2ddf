using System.Globalization;
using Collab.Data;
using Collab.Recommend;

namespace Collab.Cli.Files;

/// <summary>
/// Batch recommendations as a file, one row per recommended item: <c>user, rank, item, predicted</c> (and <c>title</c>
/// when titles are known), as CSV or, for a name ending in .parquet, as Parquet (docs/recommend.md). Rows are written as
/// the rankings arrive, never all held at once, and the file appears whole or not at all.
/// </summary>
internal static class RecommendationsFile
{
    public static void Write(string path, IEnumerable<Ranking> rankings, ItemCatalog? titles, RecommendationIds ids)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            AtomicFile.Write(path, stream => ParquetRecommendations.Write(stream, rankings, titles, ids));
        else
            AtomicFile.WriteText(path, writer => WriteCsv(writer, rankings, titles));
    }

    public static void WriteCsv(TextWriter writer, IEnumerable<Ranking> rankings, ItemCatalog? titles)
    {
        writer.WriteLine(titles is null ? "user,rank,item,predicted" : "user,rank,item,predicted,title");
        foreach (var ranking in rankings)
        {
            int rank = 0;
            foreach (var r in ranking.Results)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"{Csv.Escape(ranking.Query)},{++rank},{Csv.Escape(r.Id)},{r.Score:R}");
                writer.WriteLine(titles is null ? line : line + "," + Csv.Escape(titles.TitleOf(r.Id) ?? ""));
            }
        }
    }
}
