using PhotonSdk.Batch;
using PhotonSdk.Results;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// The batch's save hook: downloads an item's image under a temporary name in the output folder, then moves it to the
/// item's own name without replacing anything. A file already there with the same bytes is this item's image, saved by
/// a run cut off before its journal said so; a file with other bytes is kept, and the image gets the next free name
/// (<c>name-2.png</c>). Returns the name relative to the folder, so that the folder can be moved with its journal.
/// </summary>
internal sealed class BatchImageSaver
{
    private const int MaxSuffix = 1000;
    private readonly IPhotonClient _client;
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _baseNames;

    /// <param name="client">Downloads the images.</param>
    /// <param name="folder">The output folder; it exists.</param>
    /// <param name="baseNames">Each item's file name without extension, by key (<see cref="BatchFileNames"/>).</param>
    public BatchImageSaver(IPhotonClient client, string folder, IReadOnlyDictionary<string, string> baseNames)
    {
        _client = client;
        _folder = Path.GetFullPath(folder);
        _baseNames = baseNames;
    }

    public async ValueTask<string> SaveAsync(PhotonBatchItem item, ImageGenerationResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(result);
        var temporary = Path.Combine(_folder, $".photon-{Guid.NewGuid():N}.part");
        try
        {
            string? mediaType;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                mediaType = await _client.DownloadAsync(result.Image, file, cancellationToken).ConfigureAwait(false);
                // On disk before the journal says "saved": a crash after that must not find an empty file. FlushAsync
                // empties .NET's buffer only; Flush(true) is what asks the operating system to write through.
#pragma warning disable CA1849
                file.Flush(flushToDisk: true);
#pragma warning restore CA1849
            }

            var extension = MediaTypes.Extension(mediaType);
            var baseName = _baseNames[item.Key];
            for (var n = 1; n <= MaxSuffix; n++)
            {
                var name = (n == 1 ? baseName : $"{baseName}-{n}") + extension;
                var target = Path.Combine(_folder, name);
                try
                {
                    File.Move(temporary, target, overwrite: false);
                    return name;
                }
                catch (IOException) when (File.Exists(target))
                {
                    if (await SameBytesAsync(temporary, target, cancellationToken).ConfigureAwait(false))
                    {
                        File.Delete(temporary);
                        return name;
                    }
                }
            }

            throw new IOException($"{baseName}{extension} and {MaxSuffix - 1} numbered names after it are taken in {_folder}.");
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task<bool> SameBytesAsync(string first, string second, CancellationToken cancellationToken)
    {
        if (new FileInfo(first).Length != new FileInfo(second).Length) return false;
        var a = await File.ReadAllBytesAsync(first, cancellationToken).ConfigureAwait(false);
        var b = await File.ReadAllBytesAsync(second, cancellationToken).ConfigureAwait(false);
        return a.AsSpan().SequenceEqual(b);
    }
}
