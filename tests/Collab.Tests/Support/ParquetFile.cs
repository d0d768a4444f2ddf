using Parquet;
using Parquet.Schema;

namespace Collab.Tests.Support;

/// <summary>Writes real Parquet files with Parquet.Net for the readers' tests: one array per column, its type the column's.</summary>
public static class ParquetFile
{
    public static string Write(string path, params (string Name, Array Values)[] columns) => Write(path, int.MaxValue, columns);

    /// <summary>Writes the columns in row groups of at most <paramref name="groupRows"/> rows.</summary>
    public static string Write(string path, int groupRows, params (string Name, Array Values)[] columns)
    {
        WriteAsync(path, groupRows, columns).GetAwaiter().GetResult();
        return path;
    }

    private static async Task WriteAsync(string path, int groupRows, (string Name, Array Values)[] columns)
    {
        var fields = columns.Select(c => new DataField(c.Name, c.Values.GetType().GetElementType()!)).ToArray();
        int rows = columns[0].Values.Length;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        // An empty file still gets one (empty) row group.
        for (int start = 0; start < Math.Max(rows, 1); start += groupRows)
        {
            int count = Math.Min(groupRows, rows - start);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < columns.Length; c++)
                await WriteColumn(group, fields[c], columns[c].Values, start, count);
        }
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, DataField field, Array values, int start, int count) => values switch
    {
        int[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
        int?[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
        long[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
        long?[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
        float[] a => group.WriteAsync<float>(field, a.AsMemory(start, count)),
        double[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
        double?[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
        bool[] a => group.WriteAsync<bool>(field, a.AsMemory(start, count)),
        string?[] a => group.WriteAsync(field, a[start..(start + count)]!),
        _ => throw new ArgumentException($"No Parquet column for {values.GetType().Name} in these tests."),
    };
}
