using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSessionStoreTests(PostgresServer postgres) : SessionStoreContract
{
    protected override string NewDatabase() => postgres.NewDatabase();
}
