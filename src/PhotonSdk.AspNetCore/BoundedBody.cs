using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace PhotonSdk.AspNetCore;

/// <summary>Reads a request body whole, but never more than a bound, so a huge or endless body costs at most the bound.</summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body's bytes, or <see langword="null"/> when it is (or announces itself) larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;

        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : ChunkBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes) return null;
                await body.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
