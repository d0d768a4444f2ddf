using System.Text;
using nietras.SeparatedValues;

namespace Collab.Data.Datasets;

/// <summary>
/// Builds the lesson's sample from a MovieLens CSV ratings file: the ratings of the most active users on the
/// most rated movies.
/// </summary>
internal static class MovieLensSample
{
    internal const int UserCount = 100;
    internal const int ItemCount = 100;
    internal const string Header = "userId,movieId,rating,timestamp";

    /// <summary>
    /// Writes the sample of <paramref name="sourceRatings"/> to <paramref name="destination"/>: the rows whose user
    /// is among the <paramref name="userCount"/> users with most ratings and whose movie is among the
    /// <paramref name="itemCount"/> movies with most ratings (both counted over the whole file, ties broken by the
    /// smaller id), in file order, with LF line ends. The file appears whole or not at all.
    /// </summary>
    internal static void Write(
        string sourceRatings,
        string destination,
        CancellationToken cancellationToken,
        int userCount = UserCount,
        int itemCount = ItemCount)
    {
        var (userRatings, itemRatings) = Count(sourceRatings, cancellationToken);
        var users = Top(userRatings, userCount);
        var items = Top(itemRatings, itemCount);

        // A temp file beside the target, then a rename: readers never see half a sample.
        var temp = $"{destination}.{Guid.NewGuid():N}.tmp";
        try
        {
            WriteRows(sourceRatings, temp, users, items, cancellationToken);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static (Dictionary<int, int> Users, Dictionary<int, int> Items) Count(
        string path, CancellationToken cancellationToken)
    {
        var users = new Dictionary<int, int>();
        var items = new Dictionary<int, int>();
        using var reader = Sep.New(',').Reader().FromFile(path);
        foreach (var row in reader)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Increment(users, row["userId"].Parse<int>());
            Increment(items, row["movieId"].Parse<int>());
        }
        return (users, items);
    }

    private static void WriteRows(
        string source, string destination, HashSet<int> users, HashSet<int> items, CancellationToken cancellationToken)
    {
        using var reader = Sep.New(',').Reader().FromFile(source);
        using var writer = new StreamWriter(destination, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var row in reader)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!users.Contains(row["userId"].Parse<int>()) || !items.Contains(row["movieId"].Parse<int>()))
                continue;
            // The fields are copied as text so ratings keep their source spelling ("4.0", not "4").
            writer.Write(row["userId"].Span);
            writer.Write(',');
            writer.Write(row["movieId"].Span);
            writer.Write(',');
            writer.Write(row["rating"].Span);
            writer.Write(',');
            writer.WriteLine(row["timestamp"].Span);
        }
    }

    private static void Increment(Dictionary<int, int> counts, int id) =>
        counts[id] = counts.GetValueOrDefault(id) + 1;

    private static HashSet<int> Top(Dictionary<int, int> counts, int take) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(take).Select(c => c.Key)];
}
