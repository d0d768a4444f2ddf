namespace Collab.Tests.Support;

/// <summary>
/// Finds the project's read-only shared folder (../shared beside the repository) that holds the MovieLens
/// copies and the fastai golden traces.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? Folder => Root.Value;

    public static string Path(params string[] parts)
    {
        var root = Folder ?? throw new InvalidOperationException(
            "The shared folder (../shared beside the repository, with data/ and spec/) was not found; CI provides it.");
        return System.IO.Path.Combine([root, .. parts]);
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "spec")) && Directory.Exists(System.IO.Path.Combine(candidate, "data")))
                return candidate;
        }
        return null;
    }
}
