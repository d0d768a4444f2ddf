namespace Collab.Data.Datasets;

/// <summary>How a dataset's ratings, items and users files are laid out.</summary>
public enum DatasetFormat
{
    /// <summary>
    /// Comma-separated with a header: <c>userId,movieId,rating,timestamp</c> ratings and
    /// <c>movieId,title,genres</c> items (UTF-8). Used by ml-latest-small, ml-20m and ml-25m.
    /// </summary>
    MovieLensCsv,

    /// <summary>
    /// ml-100k: tab-separated <c>user item rating timestamp</c> ratings without a header,
    /// <c>|</c>-separated items and users, Latin-1 encoded.
    /// </summary>
    MovieLens100K,

    /// <summary>
    /// ml-1m / ml-10m: <c>::</c>-separated <c>UserID::MovieID::Rating::Timestamp</c> without a header;
    /// items and users use the same separator (Latin-1 in ml-1m).
    /// </summary>
    MovieLensDat,
}
