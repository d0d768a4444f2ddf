namespace Collab.Server.Tests.Support;

/// <summary>Tests on PostgreSQL share one server for the whole run (and the trained model).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<ServedModelFixture>
{
    public const string Name = "postgres";
}
