using System.Text.Json;
using System.Text.Json.Serialization;
using PhotonSdk.Transport;

namespace PhotonSdk.Generated;

/// <summary>The hooks of the generated client: the bearer key and attribution headers, JSON settings, bounded responses.</summary>
internal partial class WaveSpeedApiClient
{
    private readonly System.Net.Http.Headers.AuthenticationHeaderValue? _authorization;
    private readonly ClientAttribution? _attribution;
    private readonly long _maxResponseBytes = BoundedContent.DefaultMaxResponseBytes;

    internal WaveSpeedApiClient(HttpClient httpClient, Uri apiRoot, ApiKey apiKey, ClientAttribution attribution, long maxResponseBytes)
        // Absolute URLs make the client independent of HttpClient.BaseAddress, so a caller's HttpClient works as it is.
        : this(apiRoot.AbsoluteUri, httpClient)
    {
        // Built once: the header value is immutable, and every request carries the same one.
        _authorization = apiKey.ToAuthorizationHeader();
        _attribution = attribution;
        _maxResponseBytes = maxResponseBytes;
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => ConfigureJson(settings);

    /// <summary>The JSON settings of every generated client.</summary>
    internal static void ConfigureJson(JsonSerializerOptions settings)
    {
        // Optional request fields are left out rather than sent as null: the API documents absent fields, not nulls.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // The default resolver, named here rather than left to the serializer's first call to fill in: type metadata is
        // looked up before that first call when a client's first request is a read.
        settings.TypeInfoResolver = JsonSerializerOptions.Default.TypeInfoResolver;
    }

    partial void Initialize() =>
        // Error bodies are kept as text for exception excerpts. PooledWaveSpeedApiClient, which the SDK uses, reads
        // typed bodies its own way and keeps text only where an exception needs it; this covers any other instance.
        ReadResponseAsString = true;

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_authorization is not null) request.Headers.Authorization = _authorization;
        _attribution?.Apply(request);
    }

    /// <summary>The bound on one response body, in bytes.</summary>
    internal long MaxResponseBytes => _maxResponseBytes;

    /// <summary>
    /// Whether this client bounds HTTP 200 bodies as it reads them, so they need no <see cref="BoundedContent"/>.
    /// Every operation reads its 200 answer through <c>ReadObjectResponseAsync</c>.
    /// </summary>
    protected virtual bool BoundsSuccessBodiesItself => false;

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        if (response.Content is null || (BoundsSuccessBodiesItself && response.StatusCode == System.Net.HttpStatusCode.OK)) return;
        response.Content = new BoundedContent(response.Content, _maxResponseBytes);
    }
}
