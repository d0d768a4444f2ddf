namespace Collab.Cli.Tests.Support;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder with Collab.slnx, above the test's own folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (with Collab.slnx) is not above the test's folder.");
    }
}
