namespace Collab.Data;

/// <summary>
/// How to read a ratings file. Every property may be left unset: the delimiter and the header are then
/// detected from the first line, and the columns default to user, item, rating (and timestamp when a
/// fourth column exists) in that order. A Parquet file takes the same column options (its schema names the
/// columns); the delimiter and the header do not apply to it.
/// </summary>
public sealed record RatingsFileOptions
{
    /// <summary>The default options: everything detected.</summary>
    public static RatingsFileOptions Default { get; } = new();

    /// <summary>Field delimiter: ",", "\t", ";", "|" or "::". <value>Default: detected from the first line.</value></summary>
    public string? Delimiter { get; init; }

    /// <summary>Whether the first line names the columns. <value>Default: detected (a header's rating field is not a number).</value></summary>
    public bool? HasHeader { get; init; }

    /// <summary>User column: a header name or a 1-based position. <value>Default: 1.</value></summary>
    public string? UserColumn { get; init; }

    /// <summary>Item column: a header name or a 1-based position. <value>Default: 2.</value></summary>
    public string? ItemColumn { get; init; }

    /// <summary>Rating column: a header name or a 1-based position. <value>Default: 3.</value></summary>
    public string? RatingColumn { get; init; }

    /// <summary>Timestamp column: a header name or a 1-based position. <value>Default: 4 when the file has a fourth column, else none.</value></summary>
    public string? TimestampColumn { get; init; }

    /// <summary>
    /// Whether to keep the timestamp column. Training never reads it; leaving it out saves 8 bytes per rating
    /// (200 MB at 25 million ratings) and a timestamp that is not a number is then not an error.
    /// <value>Default: true.</value>
    /// </summary>
    public bool ReadTimestamps { get; init; } = true;

    /// <summary>
    /// Whether the file has a rating column. Without one each line records that a user interacted with an item
    /// ("who bought what", implicit feedback) and is read with rating 1. <value>Default: true.</value>
    /// </summary>
    public bool HasRatingColumn { get; init; } = true;
}
