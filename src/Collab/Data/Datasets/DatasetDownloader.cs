using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;

namespace Collab.Data.Datasets;

/// <summary>
/// Downloads, verifies and unpacks one dataset zip into the cache. Everything is staged under temp names in the
/// cache folder (same file system, so the final rename is atomic) and deleted on any failure or cancellation.
/// </summary>
/// <remarks>
/// Network failures surface as <see cref="HttpRequestException"/> or <see cref="HttpIOException"/> for the store
/// to turn into a <see cref="DatasetUnavailableException"/> with instructions.
/// </remarks>
internal sealed class DatasetDownloader(HttpClient http, IProgress<DownloadProgress>? progress)
{
    private const int BufferSize = 81_920;

    /// <summary>Fetches the MD5 the server publishes beside a zip.</summary>
    /// <returns>The checksum, or null when the server has no checksum file (404 or 410).</returns>
    /// <exception cref="DatasetIntegrityException">The checksum file holds no MD5.</exception>
    internal async Task<string?> FetchMd5Async(DatasetInfo dataset, Uri zipUrl, CancellationToken cancellationToken)
    {
        var md5Url = DatasetInfo.Md5UrlFor(zipUrl);
        using var response = await http.GetAsync(md5Url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            return null;
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // A checksum file we cannot read is more likely an error page than a checksum: refuse rather than skip.
        return Checksums.ParseMd5(text)
            ?? throw DatasetIntegrityException.Invalid(dataset.Name, $"{md5Url} does not contain an MD5 checksum");
    }

    /// <summary>Downloads <paramref name="dataset"/> from <paramref name="zipUrl"/>.</summary>
    /// <param name="dataset">The dataset; its ratings SHA-256, when known, is checked after unpacking.</param>
    /// <param name="zipUrl">Where to download the zip from.</param>
    /// <param name="expectedMd5">The zip's MD5 from <see cref="FetchMd5Async"/>, or null to skip that check.</param>
    /// <param name="cacheDirectory">The cache; the dataset ends up in its <see cref="DatasetInfo.FolderName"/>.</param>
    /// <param name="cancellationToken">Cancels the download; partial files are deleted.</param>
    /// <returns>The folder in the cache now holding the dataset's files.</returns>
    /// <exception cref="DatasetIntegrityException">A checksum did not match or the zip is unreadable.</exception>
    internal async Task<string> DownloadAsync(
        DatasetInfo dataset, Uri zipUrl, string? expectedMd5, string cacheDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(cacheDirectory);
        var stem = Path.Combine(cacheDirectory, $".{dataset.FolderName}-{Guid.NewGuid():N}");
        var zipPath = stem + ".zip.part";
        var extractPath = stem + ".extract";
        try
        {
            var actualMd5 = await DownloadFileAsync(dataset, zipUrl, zipPath, cancellationToken).ConfigureAwait(false);
            if (expectedMd5 is not null && actualMd5 != expectedMd5)
                throw DatasetIntegrityException.Mismatch(dataset.Name, $"the MD5 of {zipUrl}", expectedMd5, actualMd5);

            var root = await ExtractAsync(dataset, zipPath, extractPath, cancellationToken).ConfigureAwait(false);
            if (dataset.RatingsSha256 is { } expectedSha)
            {
                var ratings = Path.Combine(root, dataset.RatingsFile);
                var actualSha = await Checksums.Sha256OfFileAsync(ratings, cancellationToken).ConfigureAwait(false);
                if (actualSha != expectedSha)
                    throw DatasetIntegrityException.Mismatch(
                        dataset.Name, $"the SHA-256 of {dataset.FolderName}/{dataset.RatingsFile}", expectedSha, actualSha);
            }
            return Publish(dataset, root, Path.Combine(cacheDirectory, dataset.FolderName));
        }
        finally
        {
            File.Delete(zipPath);
            if (Directory.Exists(extractPath))
                Directory.Delete(extractPath, recursive: true);
        }
    }

    /// <returns>The MD5 of the bytes written, computed while streaming so the zip is read once.</returns>
    [SuppressMessage("Security", "CA5351", Justification = "GroupLens publishes MD5 only; it checks integrity, not authenticity.")]
    private async Task<string> DownloadFileAsync(
        DatasetInfo dataset, Uri url, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var total = response.Content.Headers.ContentLength;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[BufferSize];
                long done = 0;
                progress?.Report(new(dataset.Name, done, total));
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    md5.AppendData(buffer, 0, read);
                    done += read;
                    progress?.Report(new(dataset.Name, done, total));
                }
                if (total is { } expected && done != expected)
                    throw new HttpIOException(HttpRequestError.ResponseEnded, $"The download ended after {done} of {expected} bytes.");
            }
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <returns>The extracted folder that holds the ratings file.</returns>
    private static async Task<string> ExtractAsync(
        DatasetInfo dataset, string zipPath, string extractPath, CancellationToken cancellationToken)
    {
        try
        {
            // ExtractToDirectory refuses entries that would land outside extractPath ("zip slip").
            await ZipFile.ExtractToDirectoryAsync(zipPath, extractPath, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw DatasetIntegrityException.Invalid(dataset.Name, "the download is not a readable zip", ex);
        }
        // GroupLens zips hold one top folder named like the set; a mirror may have zipped the files bare.
        foreach (var root in new[] { Path.Combine(extractPath, dataset.FolderName), extractPath })
        {
            if (File.Exists(Path.Combine(root, dataset.RatingsFile)))
                return root;
        }
        throw DatasetIntegrityException.Invalid(
            dataset.Name, $"the zip does not contain {dataset.FolderName}/{dataset.RatingsFile}");
    }

    /// <summary>Renames the verified folder into place.</summary>
    private static string Publish(DatasetInfo dataset, string extracted, string final)
    {
        if (File.Exists(Path.Combine(final, dataset.RatingsFile)))
            return final; // Another process finished the same download first; theirs is as good as ours.
        if (Directory.Exists(final))
            Directory.Delete(final, recursive: true); // Left over from a run older than the atomic rename; ours now.
        try
        {
            Directory.Move(extracted, final);
        }
        catch (IOException) when (File.Exists(Path.Combine(final, dataset.RatingsFile)))
        {
            // Lost a race between the check above and the rename.
        }
        return final;
    }
}
