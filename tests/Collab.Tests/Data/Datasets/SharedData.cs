namespace Collab.Tests.Data.Datasets;

/// <summary>
/// The real MovieLens files kept beside the repository (<c>&lt;repo&gt;/../shared/data</c>, also on CI), found by
/// walking up from the test binaries to the repository root.
/// </summary>
internal static class SharedData
{
    public const string DerivedSampleSha256 = "a93078d8cafd3114fbdfa5ccc6d115cde70cade8eb333ff63e0d2839aa9738f3";

    public static string? Directory { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Collab.slnx")))
                continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return System.IO.Directory.Exists(data) ? data : null;
        }
        return null;
    }
}
