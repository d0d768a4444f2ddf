using System.Net.Sockets;
using Npgsql;

namespace Collab.Server.Storage;

/// <summary>One line for each way a PostgreSQL database cannot be used: where it was looked for, and what to do.</summary>
internal static class PostgresFailures
{
    public static string Where(NpgsqlConnectionStringBuilder settings) =>
        settings.Host is { } host && host.StartsWith('/') ? $"{host} (unix socket, port {settings.Port})" : $"{settings.Host}:{settings.Port}";

    /// <summary>The line for a failure to connect, or null when the failure is something else.</summary>
    public static string? Explain(Exception failure, NpgsqlConnectionStringBuilder settings)
    {
        var where = Where(settings);
        return failure switch
        {
            PostgresException { SqlState: "28P01" or "28000" } login =>
                $"PostgreSQL at {where} refused the login of user '{settings.Username}' ({login.MessageText}): check the user and password in --db.",
            PostgresException { SqlState: "3D000" } =>
                $"PostgreSQL at {where} has no database '{settings.Database}': create it (createdb {settings.Database}) or name another in --db.",
            NpgsqlException { InnerException: SocketException socket } =>
                $"Cannot reach PostgreSQL at {where} ({socket.SocketErrorCode}): start the server there, or give --db the host and port it listens on.",
            NpgsqlException { InnerException: TimeoutException } =>
                $"Cannot reach PostgreSQL at {where} (no answer within {settings.Timeout} s): check the host, the port and any firewall between.",
            _ => null,
        };
    }
}
