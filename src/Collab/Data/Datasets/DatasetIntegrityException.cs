namespace Collab.Data.Datasets;

/// <summary>
/// A downloaded dataset failed verification (checksum mismatch or an unreadable archive).
/// The partial files have been deleted when this is thrown.
/// </summary>
public sealed class DatasetIntegrityException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DatasetIntegrityException()
        : this("The downloaded dataset failed verification.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public DatasetIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying failure, e.g. a zip format error.</param>
    public DatasetIntegrityException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The dataset being verified.</summary>
    public string? DatasetName { get; init; }

    /// <summary>The expected checksum (lower-case hex), when a checksum was compared.</summary>
    public string? Expected { get; init; }

    /// <summary>The actual checksum (lower-case hex), when a checksum was compared.</summary>
    public string? Actual { get; init; }

    internal static DatasetIntegrityException Mismatch(string name, string what, string expected, string actual) =>
        new($"Dataset '{name}' failed verification: {what} is {actual}, expected {expected}. "
            + "The download was deleted; try again, or download and unzip it by hand.")
        {
            DatasetName = name,
            Expected = expected,
            Actual = actual,
        };

    internal static DatasetIntegrityException Invalid(string name, string problem, Exception? inner = null) =>
        new($"Dataset '{name}' failed verification: {problem}. The download was deleted.", inner) { DatasetName = name };
}
