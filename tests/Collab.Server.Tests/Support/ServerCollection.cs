namespace Collab.Server.Tests.Support;

/// <summary>Server test classes share one trained model.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServedModelFixture>
{
    public const string Name = "server";
}
