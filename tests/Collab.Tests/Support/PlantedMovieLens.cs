using System.Globalization;
using System.Text;
using Collab.Numerics;

namespace Collab.Tests.Support;

/// <summary>
/// A small MovieLens 100k layout (u.data, u.item, u.user) with planted structure: an item's latent vector is
/// set by its genre and its bias by its decade; a user's vector is set by their occupation. Ratings are
/// 3 + u·v + bᵤ + bᵢ + noise, rounded to 1..5.
/// </summary>
public sealed class PlantedMovieLens
{
    public static readonly string[] Genres = ["Action", "Comedy", "Drama"];
    public static readonly string[] Occupations = ["engineer", "artist", "doctor"];

    private static readonly int[] GenreFlags = [1, 5, 8];
    private static readonly double[][] GenreVectors = [[1.1, 0, 0.4], [-0.6, 0.9, 0], [0, -0.7, -0.9]];
    private static readonly double[][] OccupationVectors = [[0.9, -0.3, 0.2], [-0.5, 0.8, -0.4], [0.1, -0.6, 0.9]];

    public PlantedMovieLens(int users, int items, double density, ulong seed)
    {
        var random = new SeededRandom(seed);
        ItemGenre = [.. Enumerable.Range(0, items).Select(i => i % Genres.Length)];
        ItemYear = [.. Enumerable.Range(0, items).Select(i => 1960 + (i * 7 % 40))];
        UserOccupation = [.. Enumerable.Range(0, users).Select(u => u % Occupations.Length)];
        var itemVectors = ItemGenre.Select(g => GenreVectors[g].Select(x => x + 0.1 * random.NextGaussian()).ToArray()).ToArray();
        var userVectors = UserOccupation.Select(o => OccupationVectors[o].Select(x => x + 0.1 * random.NextGaussian()).ToArray()).ToArray();
        var userBias = Enumerable.Range(0, users).Select(_ => 0.2 * random.NextGaussian()).ToArray();
        var rows = new List<(int User, int Item, int Rating)>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() >= density)
                    continue;
                double itemBias = (ItemYear[i] - 1980) / 40.0;
                double r = 3 + userVectors[u].Zip(itemVectors[i], (a, b) => a * b).Sum() + userBias[u] + itemBias + 0.3 * random.NextGaussian();
                rows.Add((u + 1, i + 1, (int)Math.Clamp(Math.Round(r), 1, 5)));
            }
        }
        Ratings = rows;
    }

    public int[] ItemGenre { get; }

    public int[] ItemYear { get; }

    public int[] UserOccupation { get; }

    /// <summary>(user id, item id, rating) with 1-based ids.</summary>
    public IReadOnlyList<(int User, int Item, int Rating)> Ratings { get; }

    /// <summary>Writes u.data (all ratings, or those kept by <paramref name="keep"/>), u.item and u.user; returns the u.data path.</summary>
    public string WriteTo(string folder, Func<(int User, int Item, int Rating), bool>? keep = null)
    {
        var data = new StringBuilder();
        foreach (var r in Ratings.Where(keep ?? (_ => true)))
            data.Append(CultureInfo.InvariantCulture, $"{r.User}\t{r.Item}\t{r.Rating}\t881250949\n");
        File.WriteAllText(Path.Combine(folder, "u.data"), data.ToString());
        var items = new StringBuilder();
        for (int i = 0; i < ItemGenre.Length; i++)
        {
            var flags = string.Join('|', Enumerable.Range(0, 19).Select(g => g == GenreFlags[ItemGenre[i]] ? "1" : "0"));
            items.Append(CultureInfo.InvariantCulture, $"{i + 1}|Movie {i + 1} ({ItemYear[i]})|01-Jan-{ItemYear[i]}||http://example.org/{i + 1}|{flags}\n");
        }
        File.WriteAllText(Path.Combine(folder, "u.item"), items.ToString(), Encoding.Latin1);
        var users = new StringBuilder();
        for (int u = 0; u < UserOccupation.Length; u++)
            users.Append(CultureInfo.InvariantCulture, $"{u + 1}|{20 + u % 40}|{(u % 2 == 0 ? "M" : "F")}|{Occupations[UserOccupation[u]]}|{u % 10}{u % 7}{u % 5}12\n");
        File.WriteAllText(Path.Combine(folder, "u.user"), users.ToString(), Encoding.Latin1);
        return Path.Combine(folder, "u.data");
    }
}
