using System.Data.Common;
using Collab.Server.Contracts;

namespace Collab.Server.Storage;

/// <summary>Reading query results the same way in both dialects (their commands and readers share ADO.NET's base types).</summary>
internal static class DbRows
{
    /// <summary>Every row of the command's result, each made into a value by <paramref name="row"/>.</summary>
    public static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(row(reader));
        return rows;
    }

    /// <summary>A row of (item, rating), the rating NULL for "not seen".</summary>
    public static StoredAnswer Answer(DbDataReader row) => new(row.GetString(0), row.IsDBNull(1) ? null : row.GetFloat(1));

    public static string Item(DbDataReader row) => row.GetString(0);
}
