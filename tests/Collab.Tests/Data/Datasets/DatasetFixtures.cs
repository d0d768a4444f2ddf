using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>Builds small dataset zips and catalogs for the download tests.</summary>
internal static class DatasetFixtures
{
    public const string Ml100KRatings = "1\t10\t4\t881250949\n2\t10\t3\t891717742\n1\t20\t5\t878887116\n";
    public const string Ml100KItems = "10|Toy Story (1995)|01-Jan-1995||http://x|0|0|1\n20|GoldenEye (1995)|01-Jan-1995||http://y|0|1|0\n";
    public const string Ml100KUsers = "1|24|M|technician|85711\n2|53|F|other|94043\n";

    /// <summary>Zips <paramref name="files"/> (paths relative to the zip root, '/'-separated).</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return memory.ToArray();
    }

    /// <summary>A zip laid out like GroupLens' ml-100k.zip, with tiny contents.</summary>
    public static byte[] Ml100KZip() => Zip(new Dictionary<string, string>
    {
        ["ml-100k/u.data"] = Ml100KRatings,
        ["ml-100k/u.item"] = Ml100KItems,
        ["ml-100k/u.user"] = Ml100KUsers,
    });

    public static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Serves a zip and, unless <paramref name="md5"/> is null, its checksum in GroupLens' BSD form.</summary>
    public static void ServeZip(this LocalHttpServer server, string name, byte[] zip, string? md5)
    {
        server.Serve(name + ".zip", zip);
        if (md5 is not null)
            server.Serve(name + ".zip.md5", $"MD5 ({name}.zip) = {md5}\n");
    }

    /// <summary>The real catalog, with ml-latest-small's hash replaced so a fixture zip of it verifies.</summary>
    public static IReadOnlyList<DatasetInfo> CatalogWithLatestSmallHash(string sha256) =>
        [.. DatasetCatalog.All.Select(d => d.Name == DatasetCatalog.LatestSmall.Name ? d with { RatingsSha256 = sha256 } : d)];

    public static string[] Entries(string folder) =>
        Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories) : [];
}
