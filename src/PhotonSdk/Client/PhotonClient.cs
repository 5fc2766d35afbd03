using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Predictions;
using PhotonSdk.Resilience;
using PhotonSdk.Rest;
using PhotonSdk.Results;
using PhotonSdk.Routing;
using PhotonSdk.Telemetry;
using PhotonSdk.Transport;
using PhotonSdk.Uploads;

namespace PhotonSdk;

/// <summary>
/// The WaveSpeedAI client for Luma Photon models. Thread-safe: create one and share it. It validates and routes a call,
/// then hands it to one runner (submit once, wait, fall back) over the client generated from
/// <c>openapi/wavespeed.yaml</c>, which <see cref="Rest"/> also gives to callers with the same key, retries and errors.
/// </summary>
public sealed class PhotonClient : IPhotonClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly PhotonClientOptions _options;
    private readonly TimeProvider _time;
    private readonly RequestPolicy _policy;
    private readonly PredictionRunner _runner;

    /// <summary>Creates a client from the environment: <c>WAVESPEED_API_KEY</c> and, optionally, <c>WAVESPEED_BASE_URL</c>.</summary>
    /// <exception cref="ArgumentException">No API key is set.</exception>
    public PhotonClient()
        : this(new PhotonClientOptions())
    {
    }

    /// <summary>Creates a client for an API key.</summary>
    /// <param name="apiKey">The WaveSpeed API key.</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public PhotonClient(string apiKey)
        : this(new PhotonClientOptions { ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey)) })
    {
    }

    /// <summary>Creates a client with options and, optionally, an <see cref="HttpClient"/> of the caller's.</summary>
    /// <param name="options">
    /// The options; unset ones take their defaults or environment variables. The client keeps a copy, so changing them
    /// afterwards does not change it.
    /// </param>
    /// <param name="httpClient">
    /// The HTTP client to send with; the client does not dispose it. Its <see cref="HttpClient.BaseAddress"/> is not
    /// used. Its <see cref="HttpClient.Timeout"/> (100 s by default) also bounds sync-mode submits. When
    /// <see langword="null"/>, the client makes and owns one.
    /// </param>
    /// <exception cref="ArgumentException">Options are invalid or no API key is set; the message lists every invalid setting.</exception>
    public PhotonClient(PhotonClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A validated copy, with the environment applied: changing the caller's object later changes nothing here.
        options = options.Resolve(nameof(options));
        var key = options.ApiKey!;
        ApiRoot = options.ApiRoot;

        _options = options;
        _time = options.TimeProvider;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? CreateHttpClient();

        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(PhotonTelemetry.Name);
        var apiKey = new ApiKey(key);
        _policy = new RequestPolicy(options.Retry, _time, logger, apiKey, MaxResponseBytes);
        Rest = new WaveSpeedRestClient(_http, ApiRoot, apiKey, ClientAttribution.Create(options.ClientName), _policy);
        _runner = new PredictionRunner(this, Rest, apiKey, options.Polling, options.Routing, options.Telemetry, _time, logger);
    }

    /// <summary>Far above any real API response (a base64 image is a few MB): the bound on one response body.</summary>
    internal const long MaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The WaveSpeed REST API, one method per operation of the spec, with this client's HttpClient, key, attribution
    /// headers, retries and typed errors. Use it for what the client has no method for (e.g.
    /// <see cref="WaveSpeedRestClient.GetWebhookSecretAsync(CancellationToken)"/>).
    /// </summary>
    public WaveSpeedRestClient Rest { get; }

    /// <summary>The API's root address, ending in <c>/api/v3/</c>.</summary>
    public Uri ApiRoot { get; }

    /// <summary>The model used when a call names neither a model nor a quality.</summary>
    public PhotonModel DefaultModel => PhotonModels.Get(_options.Routing.DefaultModel);

    /// <inheritdoc />
    public Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        var model = Prepare(prompt, options);
        return _runner.GenerateAsync(prompt, options, model, ApiRoot, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PredictionHandle> SubmitAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        var model = Prepare(prompt, options);
        return _runner.SubmitAsync(prompt, options, model, requestedModelId: null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return _runner.UpdateStatusAsync(prediction, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageGenerationResult> WaitForCompletionAsync(PredictionHandle prediction, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        RequestValidator.ValidateTimeout(timeout, nameof(timeout));
        return _runner.WaitAsync(prediction, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(content));
        var uploader = new MediaUploader(Rest, _policy, _http, _options.MaxUploadBytes);
        return await uploader.UploadAsync(content, fileName, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken = default) =>
        new ImageDownloader(_http, _options.MaxDownloadBytes, _time, _options.Retry.AttemptTimeout).DownloadAsync(image, destination, cancellationToken);

    /// <inheritdoc />
    public async Task<decimal> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var response = await Rest.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        return (decimal)(response.Data?.Balance1 ?? 0);
    }

    /// <inheritdoc />
    public async Task<PredictionHistoryPage> GetHistoryAsync(PredictionHistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new PredictionHistoryQuery();
        if (query.Page < 1) throw new ArgumentException($"query.Page must be at least 1 (was {query.Page}).", nameof(query));
        if (query.PageSize is < 1 or > 100) throw new ArgumentException($"query.PageSize must be between 1 and 100 (was {query.PageSize}).", nameof(query));
        var modelId = query.Model is null ? null : PhotonModels.Get(query.Model, nameof(query)).Id;

        var request = new PredictionListRequest
        {
            Page = query.Page,
            Page_size = query.PageSize,
            Model = modelId,
            Status = query.Status?.Value,
            Created_after = query.CreatedAfter,
            Created_before = query.CreatedBefore,
        };
        var response = await Rest.ListPredictionsAsync(request, cancellationToken).ConfigureAwait(false);
        var items = (response.Data?.Items ?? []).Select(PredictionSummaryMapper.From).ToList();
        return new PredictionHistoryPage(response.Data?.Page ?? query.Page, response.Data?.Total, items);
    }

    /// <inheritdoc />
    public async Task<int> DeletePredictionsAsync(IEnumerable<string> predictionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictionIds);
        var ids = predictionIds.ToList();
        if (ids.Count == 0) throw new ArgumentException("Name at least one prediction id.", nameof(predictionIds));
        foreach (var id in ids) RequestValidator.ValidatePredictionId(id, nameof(predictionIds));

        var response = await Rest.DeletePredictionsAsync(new DeletePredictionsRequest { Ids = ids }, cancellationToken).ConfigureAwait(false);
        return response.Data?.Deleted_count ?? 0;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType == typeof(WaveSpeedRestClient)) return Rest;
        if (serviceType == typeof(PhotonModel)) return DefaultModel;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private PhotonModel Prepare(string prompt, GenerationOptions options)
    {
        RequestValidator.ValidatePrompt(prompt, _options.MaxPromptLength, nameof(prompt));
        var model = ModelRouter.Route(options, _options.Routing);
        RequestValidator.ValidateOptions(options, model, nameof(options));
        return model;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "The HttpClient owns and disposes the handler.")]
    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        // Attempt timeouts come from RetryOptions; HttpClient's own 100 s would cut sync-mode submits short.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
