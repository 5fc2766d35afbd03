using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhotonSdk.Transport;

namespace PhotonSdk.Generated;

/// <summary>The hooks of the generated client: absolute URLs, the bearer key, JSON settings, bounded responses.</summary>
internal partial class WaveSpeedApiClient
{
    private readonly Uri? _apiRoot;
    private readonly ApiKey? _apiKey;
    private readonly ClientAttribution? _attribution;
    private readonly long _maxResponseBytes = BoundedContent.DefaultMaxResponseBytes;

    internal WaveSpeedApiClient(HttpClient httpClient, Uri apiRoot, ApiKey apiKey, ClientAttribution attribution, long maxResponseBytes)
        : this(httpClient)
    {
        _apiRoot = apiRoot;
        _apiKey = apiKey;
        _attribution = attribution;
        _maxResponseBytes = maxResponseBytes;
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        // Optional request fields are left out rather than sent as null: the API documents absent fields, not nulls.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

    partial void Initialize() =>
        // Error bodies are kept as text for exception excerpts; responses are small and bounded by BoundedContent.
        ReadResponseAsString = true;

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
    {
        // Absolute URLs make the client independent of HttpClient.BaseAddress, so a caller's HttpClient works as it is.
        if (_apiRoot is not null) urlBuilder.Insert(0, _apiRoot.AbsoluteUri);
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_apiKey is not null) request.Headers.Authorization = _apiKey.ToAuthorizationHeader();
        _attribution?.Apply(request);
    }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        if (response.Content is not null) response.Content = new BoundedContent(response.Content, _maxResponseBytes);
    }
}
