using Parquet;
using Parquet.Schema;

namespace Collab.Data;

/// <summary>
/// Which Parquet column types hold ids, ratings and timestamps, and reading a row group's column as the one type the
/// ratings reader works with (nulls kept, as null).
/// </summary>
internal static class ParquetValues
{
    public static bool IsInteger(DataField column) => column.ClrType == typeof(int) || column.ClrType == typeof(long);

    public static bool IsText(DataField column) => column.ClrType == typeof(string) || column.ClrType == typeof(ReadOnlyMemory<char>);

    public static bool IsId(DataField column) => IsInteger(column) || IsText(column);

    public static bool IsNumber(DataField column) => IsInteger(column) || column.ClrType == typeof(float) || column.ClrType == typeof(double);

    /// <summary>The column's values in words, for messages: "text", or the .NET type Parquet.Net reads them as.</summary>
    public static string Describe(DataField column) =>
        column.IsArray ? "lists of values" : IsText(column) ? "text" : $"{column.ClrType.Name} values";

    public static async Task<ParquetIds> ReadIdsAsync(ParquetRowGroupReader group, DataField column, int rows)
    {
        if (IsInteger(column))
            return new ParquetIds(await ReadIntegersAsync(group, column, rows).ConfigureAwait(false), null);
        var texts = new string?[rows];
        await group.ReadAsync(column, texts.AsMemory()!).ConfigureAwait(false);
        return new ParquetIds(null, texts);
    }

    public static Task<long?[]> ReadIntegersAsync(ParquetRowGroupReader group, DataField column, int rows) =>
        column.ClrType == typeof(int)
            ? ReadAsync<int, long>(group, column, rows, v => v)
            : ReadAsync<long, long>(group, column, rows, v => v);

    public static Task<double?[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField column, int rows) => column.ClrType switch
    {
        var t when t == typeof(float) => ReadAsync<float, double>(group, column, rows, v => v),
        var t when t == typeof(double) => ReadAsync<double, double>(group, column, rows, v => v),
        var t when t == typeof(int) => ReadAsync<int, double>(group, column, rows, v => v),
        _ => ReadAsync<long, double>(group, column, rows, v => v),
    };

    private static async Task<TOut?[]> ReadAsync<TIn, TOut>(ParquetRowGroupReader group, DataField column, int rows, Func<TIn, TOut> convert)
        where TIn : struct
        where TOut : struct
    {
        var values = new TIn?[rows];
        await group.ReadAsync<TIn>(column, values).ConfigureAwait(false);
        if (values is TOut?[] same)
            return same;
        var converted = new TOut?[rows];
        for (int r = 0; r < rows; r++)
            converted[r] = values[r] is { } value ? convert(value) : null;
        return converted;
    }
}
