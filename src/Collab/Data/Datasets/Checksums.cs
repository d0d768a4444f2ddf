using System.Globalization;
using System.Security.Cryptography;

namespace Collab.Data.Datasets;

/// <summary>Checksum helpers for dataset verification; all hashes are lower-case hex.</summary>
internal static class Checksums
{
    /// <summary>
    /// Reads the MD5 out of a checksum file. GroupLens publishes the BSD form
    /// <c>MD5 (ml-latest-small.zip) = 0123...</c>; mirrors made with md5sum use <c>0123...  ml-latest-small.zip</c>.
    /// </summary>
    /// <returns>The hash, or null when the text holds no recognisable MD5.</returns>
    internal static string? ParseMd5(string content)
    {
        var line = content.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null)
            return null;
        var equals = line.LastIndexOf('=');
        var candidate = equals >= 0
            ? line[(equals + 1)..].Trim()
            : line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return candidate.Length == 32 && candidate.All(char.IsAsciiHexDigit)
            ? candidate.ToLower(CultureInfo.InvariantCulture)
            : null;
    }

    internal static async Task<string> Sha256OfFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }
}
