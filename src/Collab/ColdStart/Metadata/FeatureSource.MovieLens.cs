using System.Text;
using System.Text.RegularExpressions;
using Collab.Data;

namespace Collab.ColdStart.Metadata;

/// <summary>Readers of the MovieLens metadata files.</summary>
public sealed partial class FeatureSource
{
    private static readonly string[] Ml100kGenres =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>
    /// Reads MovieLens movies: <c>movies.csv</c> (ml-latest, ml-25m: movieId,title,genres), <c>u.item</c>
    /// (ml-100k: '|'-separated, Latin-1, 19 genre flags) or <c>movies.dat</c> (ml-1m: '::'-separated, Latin-1).
    /// Columns: title, genres ('|'-separated), year (from the title, or ml-100k's release date).
    /// </summary>
    /// <exception cref="FormatException">A line does not have the layout of its format.</exception>
    public static FeatureSource MovieLensItems(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Path.GetFileName(path);
        if (name.Equals("u.item", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (line, f) in DelimitedLines.Read(path, "|", Encoding.Latin1))
            {
                Require(f.Length >= 5 + Ml100kGenres.Length, path, line, "id|title|release date|video release date|url|19 genre flags");
                var genres = Ml100kGenres.Where((_, g) => f[5 + g] == "1");
                var date = f[2];
                rows[f[0]] = [f[1], string.Join('|', genres), date.Length >= 4 ? date[^4..] : YearOf(f[1])];
            }
        }
        else
        {
            bool dat = name.EndsWith(".dat", StringComparison.OrdinalIgnoreCase);
            bool header = !dat;
            foreach (var (line, f) in DelimitedLines.Read(path, dat ? "::" : ",", dat ? Encoding.Latin1 : Encoding.UTF8))
            {
                if (header)
                {
                    header = false;
                    continue;
                }
                Require(f.Length >= 3, path, line, dat ? "MovieID::Title::Genres" : "movieId,title,genres");
                rows[f[0]] = [f[1], f[2] == "(no genres listed)" ? "" : f[2], YearOf(f[1])];
            }
        }
        return new FeatureSource(path, ["title", "genres", "year"], rows);
    }

    /// <summary>
    /// Reads MovieLens users: <c>u.user</c> (ml-100k: id|age|gender|occupation|zip) or <c>users.dat</c>
    /// (ml-1m: UserID::Gender::Age::Occupation::Zip-code, with age and occupation as codes). Columns: age,
    /// gender, occupation, zip.
    /// </summary>
    /// <exception cref="FormatException">A line does not have the layout of its format.</exception>
    public static FeatureSource MovieLensUsers(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        bool dat = Path.GetFileName(path).EndsWith(".dat", StringComparison.OrdinalIgnoreCase);
        foreach (var (line, f) in DelimitedLines.Read(path, dat ? "::" : "|", Encoding.Latin1))
        {
            Require(f.Length >= 5, path, line, dat ? "UserID::Gender::Age::Occupation::Zip-code" : "id|age|gender|occupation|zip");
            rows[f[0]] = dat ? [f[2], f[1], f[3], f[4]] : [f[1], f[2], f[3], f[4]];
        }
        return new FeatureSource(path, ["age", "gender", "occupation", "zip"], rows);
    }

    private static string YearOf(string title)
    {
        var match = TitleYear().Match(title);
        return match.Success ? match.Groups[1].Value : "";
    }

    private static void Require(bool condition, string path, int line, string layout)
    {
        if (!condition)
            throw new FormatException($"{path}, line {line}: expected the layout {layout}.");
    }

    [GeneratedRegex(@"\((\d{4})\)\s*$")]
    private static partial Regex TitleYear();
}
