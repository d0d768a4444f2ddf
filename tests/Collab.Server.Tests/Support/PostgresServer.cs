using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) for one test run: <c>initdb</c> into a folder under the
/// system temp folder, <c>pg_ctl start</c> on a free loopback port with its unix socket in that folder, stopped and
/// deleted on dispose. As root the server runs as the <c>postgres</c> user, who owns the folder (PostgreSQL refuses
/// to run as root). Each test takes a fresh database from <see cref="NewDatabase"/>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string ServerUser = "postgres";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collab-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string _bin;

    public PostgresServer()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        if (AsRoot)
            Run("chown", ServerUser, _folder);
        Port = FreePort();
        Run(Path.Combine(_bin, "initdb"), "-D", DataFolder, "-A", "trust", "-U", ServerUser, "-E", "UTF8", "--no-sync");
        Run(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "start",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300");
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>A new empty database; its connection string in Npgsql's keyword form.</summary>
    public string NewDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    /// <summary>The same database as a URL, the form most hosting services give (the password is ignored: trust).</summary>
    public static string UrlOf(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{settings.Username}:unused%40secret@{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>One value read from a database with its own connection, as an operator's query would.</summary>
    public static T Scalar<T>(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-w", "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ServerUser, Database = database }.ConnectionString;

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out int v) ? v : 0).FirstOrDefault();
        Assert.True(bin is not null, "PostgreSQL's server binaries (/usr/lib/postgresql/VERSION/bin) are missing: apt-get install -y postgresql (.ci/apt-packages lists it).");
        return bin!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, params string[] args)
    {
        // Root runs the server's programs as its user; chown itself stays root's.
        var asUser = AsRoot && program != "chown";
        var start = new ProcessStartInfo(asUser ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in asUser ? ["-u", ServerUser, "--", program, .. args] : args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{program} did not finish within a minute.");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
    }
}
