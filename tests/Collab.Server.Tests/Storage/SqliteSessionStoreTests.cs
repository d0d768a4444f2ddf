using Microsoft.Data.Sqlite;
using Collab.Tests.Support;

namespace Collab.Server.Tests.Storage;

public sealed class SqliteSessionStoreTests : SessionStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override string NewDatabase() => _folder.Combine($"sessions-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
