namespace Collab.Data;

/// <summary>
/// Runs Parquet.Net's asynchronous reading for the synchronous readers, and turns what it throws on a damaged or
/// unsupported file into one <see cref="RatingsFormatException"/> naming the file.
/// </summary>
internal static class ParquetErrors
{
    public static T Guard<T>(string path, Func<Task<T>> read)
    {
        try
        {
            // The readers are synchronous; Parquet.Net's awaits never need the caller's context (ConfigureAwait(false)).
            return read().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException
            or ArgumentException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            throw new RatingsFormatException(path, null, null,
                $"the file starts as Parquet does but cannot be read as Parquet ({e.Message.TrimEnd('.')}). Check that it was written completely, or write it again.");
        }
    }
}
