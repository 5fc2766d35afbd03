using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PhotonSdk.Transport;

namespace PhotonSdk.Generated;

/// <summary>
/// The generated client with its typed response reads done on pooled UTF-8 bytes: no per-response buffer, no body
/// string and no UTF-16 round trip for a success. The body becomes text only where an exception needs it (an error
/// status, an unreadable or empty answer), so excerpts keep working. It enforces the response size bound while it
/// reads, so a 200 body needs no <see cref="BoundedContent"/> wrapper.
/// </summary>
internal sealed class PooledWaveSpeedApiClient : WaveSpeedApiClient
{
    private const int InitialBufferBytes = 4096;

    internal PooledWaveSpeedApiClient(HttpClient httpClient, Uri apiRoot, ApiKey apiKey, ClientAttribution attribution, long maxResponseBytes)
        : base(httpClient, apiRoot, apiKey, attribution, maxResponseBytes)
    {
    }

    protected override bool BoundsSuccessBodiesItself => true;

    protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        if (response?.Content is null) return new ObjectResponseResult<T>(default!, string.Empty);

        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > MaxResponseBytes) throw BoundedContent.TooLarge(MaxResponseBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var length = 0;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > MaxResponseBytes) throw BoundedContent.TooLarge(MaxResponseBytes);
                    if (length == buffer.Length) buffer = Grow(buffer);
                }
            }

            var utf8 = WithoutByteOrderMark(buffer.AsSpan(0, length));
            T? typed;
            try
            {
                typed = JsonSerializer.Deserialize(utf8, TypeInfoOf<T>());
            }
            catch (JsonException exception)
            {
                throw new ApiException(
                    "Could not deserialize the response body as " + typeof(T).FullName + ".", status, Encoding.UTF8.GetString(utf8), headers, exception);
            }

            var isSuccess = status is >= 200 and < 300;
            return new ObjectResponseResult<T>(typed!, isSuccess && typed is not null ? string.Empty : Encoding.UTF8.GetString(utf8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The options are the generated client's static ones, so each type's metadata is looked up once, not per response.
    private JsonTypeInfo<T> TypeInfoOf<T>() =>
        TypeInfoCache<T>.Value ??= (JsonTypeInfo<T>)JsonSerializerSettings.GetTypeInfo(typeof(T));

    private static class TypeInfoCache<T>
    {
        public static JsonTypeInfo<T>? Value;
    }

    private static byte[] Grow(byte[] full)
    {
        var larger = ArrayPool<byte>.Shared.Rent(full.Length * 2);
        full.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
}
