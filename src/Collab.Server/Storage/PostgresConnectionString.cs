using System.Data.Common;
using Npgsql;

namespace Collab.Server.Storage;

/// <summary>
/// Recognises a PostgreSQL database in a <c>--db</c> value: the URL form (<c>postgres://user:pw@host:port/db?sslmode=..</c>,
/// as libpq and most hosting services write it) or Npgsql's keyword form (<c>Host=..;Database=..</c>). Anything else is a
/// SQLite file path.
/// </summary>
internal static class PostgresConnectionString
{
    private const int DefaultPort = 5432;

    /// <summary>The Npgsql connection string, or null when the value is not a PostgreSQL database.</summary>
    public static NpgsqlConnectionStringBuilder? TryParse(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUrl(database);
        return NamesAHost(database) ? new NpgsqlConnectionStringBuilder(database) : null;
    }

    // Keywords, read without Npgsql's list first: a file name such as "a=b.db" is a SQLite path, not a bad keyword.
    private static bool NamesAHost(string database)
    {
        var keywords = new DbConnectionStringBuilder();
        try
        {
            keywords.ConnectionString = database;
        }
        catch (ArgumentException)
        {
            return false;
        }
        return keywords.ContainsKey("Host") || keywords.ContainsKey("Server");
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IdnHost.Length == 0)
            throw new ArgumentException("The PostgreSQL URL in --db must look like postgres://user:password@host:5432/database.");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.IdnHost.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        // Query parameters are connection settings (sslmode=require, timeout=5); Npgsql's names, case and spaces aside.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
        }
        return builder;
    }
}
