using Collab.Server.Storage;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

/// <summary>Which <c>--db</c> values name PostgreSQL, how the URL form reads, and the one line when the server cannot be used.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionStringTests(PostgresServer postgres)
{
    [Fact]
    public void The_url_form_gives_host_port_database_user_escaped_password_and_settings()
    {
        var settings = PostgresConnectionString.TryParse("postgresql://collab:p%40ss%3Aword@db.example:6543/sessions?sslmode=require&timeout=7")!;
        Assert.Equal(("db.example", 6543, "sessions", "collab", "p@ss:word"), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password));
        Assert.Equal(Npgsql.SslMode.Require, settings.SslMode);
        Assert.Equal(7, settings.Timeout);
        Assert.Equal(5432, PostgresConnectionString.TryParse("postgres://collab@[::1]/sessions")!.Port);
        Assert.Equal("::1", PostgresConnectionString.TryParse("postgres://collab@[::1]/sessions")!.Host);
    }

    [Theory]
    [InlineData("collab.db")]
    [InlineData("/var/lib/collab/sessions.db")]
    [InlineData("out/a=b.db")]
    public void Anything_but_a_url_or_keywords_with_a_host_is_a_sqlite_file(string database) =>
        Assert.Null(PostgresConnectionString.TryParse(database));

    [Fact]
    public void Keywords_with_a_host_are_postgres_and_the_description_never_shows_the_password()
    {
        const string database = "Host=10.0.0.7;Port=5433;Database=collab;Username=svc;Password=hunter22";
        Assert.Equal("10.0.0.7", PostgresConnectionString.TryParse(database)!.Host);
        Assert.Equal("PostgreSQL database 'collab' at 10.0.0.7:5433", CollabServer.DescribeDatabase(database));
        Assert.DoesNotContain("hunter22", CollabServer.DescribeDatabase("postgres://svc:hunter22@10.0.0.7/collab"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_is_not_listening_is_one_line_naming_host_and_port_and_what_to_do()
    {
        var unreachable = Assert.Throws<SessionDatabaseException>(() => SessionStores.Open("postgres://collab@127.0.0.1:1/sessions"));
        Assert.Equal("Cannot reach PostgreSQL at 127.0.0.1:1 (ConnectionRefused): start the server there, or give --db the host and port it listens on.", unreachable.Message);
    }

    [Fact]
    public void A_database_that_does_not_exist_is_one_line_saying_how_to_create_it()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(postgres.NewDatabase()) { Database = "missing" };
        var missing = Assert.Throws<SessionDatabaseException>(() => SessionStores.Open(settings.ConnectionString));
        Assert.Equal($"PostgreSQL at 127.0.0.1:{postgres.Port} has no database 'missing': create it (createdb missing) or name another in --db.", missing.Message);
    }
}
