using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Errors;
using PhotonSdk.Generated;
using PhotonSdk.Polling;
using PhotonSdk.Resilience;
using PhotonSdk.Results;
using PhotonSdk.Routing;
using PhotonSdk.Telemetry;
using PhotonSdk.Transport;

namespace PhotonSdk;

/// <summary>
/// The WaveSpeedAI client for Luma Photon models. Thread-safe: create one and share it. Transport is the client
/// generated from <c>openapi/wavespeed.yaml</c>; this layer adds routing, submit-then-poll, typed errors and resilience.
/// </summary>
public sealed class PhotonClient : IPhotonClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly PhotonClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ApiCaller _api;
    private readonly PredictionWaiter _waiter;
    private readonly ILogger _logger;

    // One per catalog model, built on first use: a submit's error context depends only on the model.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ErrorContext> _submitContexts = new(StringComparer.Ordinal);

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

        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(PhotonTelemetry.Name);
        var apiKey = new ApiKey(key);
        var generated = new PooledWaveSpeedApiClient(_http, ApiRoot, apiKey, ClientAttribution.Create(options.ClientName), BoundedContent.DefaultMaxResponseBytes);
        _api = new ApiCaller(generated, apiKey, new ResiliencePipelines(options.Retry, _time, _logger), _time, options.Retry.MaxRetryAfter);
        _waiter = new PredictionWaiter(_api, _time, _logger);
    }

    /// <summary>The API's root address, ending in <c>/api/v3/</c>.</summary>
    public Uri ApiRoot { get; }

    /// <summary>The model used when a call names neither a model nor an intent.</summary>
    public PhotonModel DefaultModel => PhotonModels.Get(_options.Routing.DefaultModel);

    /// <inheritdoc />
    public async Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        var model = Prepare(prompt, options);
        using var activity = PhotonTelemetry.StartGenerate(model, ApiRoot, prompt, _options.Telemetry);
        try
        {
            return await GenerateCoreAsync(prompt, options, model, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            PhotonTelemetry.Failed(activity, e, model.Id, countPrediction: false);
            throw;
        }
    }

    private async ValueTask<ImageGenerationResult> GenerateCoreAsync(string prompt, GenerationOptions options, PhotonModel model, CancellationToken cancellationToken)
    {
        var fallback = ModelRouter.FallbackFor(model, _options.Routing);
        PredictionHandle handle;
        try
        {
            handle = await SubmitCoreAsync(prompt, options, model, requestedModelId: null, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotonRateLimitedException) when (fallback is not null)
        {
            // A 429 proves the submit was not taken: nothing exists on the overloaded model, so another may serve.
            return await GenerateOnFallbackAsync(prompt, options, fallback, model, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await WaitCoreAsync(handle, options, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotonServerException e) when (fallback is not null && handle.Status == PredictionStatus.Failed && e.TaskCode == 5003)
        {
            // Only a prediction that ended failed with "service unavailable" is resubmitted; one still running (a poll
            // that was rate limited, say) could complete and be billed next to the fallback.
            return await GenerateOnFallbackAsync(prompt, options, fallback, model, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ImageGenerationResult> GenerateOnFallbackAsync(
        string prompt, GenerationOptions options, PhotonModel fallback, PhotonModel requested, CancellationToken cancellationToken)
    {
        Log.FallingBack(_logger, requested.Id, fallback.Id);
        var handle = await SubmitCoreAsync(prompt, options, fallback, requestedModelId: requested.Id, cancellationToken).ConfigureAwait(false);
        return await WaitCoreAsync(handle, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<PredictionHandle> SubmitAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        var model = Prepare(prompt, options);
        return SubmitCoreAsync(prompt, options, model, requestedModelId: null, cancellationToken);
    }

    /// <inheritdoc />
    public PredictionHandle GetPrediction(string predictionId, string? modelId = null)
    {
        RequestValidator.ValidatePredictionId(predictionId, nameof(predictionId));
        return new PredictionHandle(this, predictionId, modelId, default, _time.GetTimestamp());
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResult> WaitForCompletionAsync(
        PredictionHandle prediction, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (options?.WaitTimeout is { } bad && bad <= TimeSpan.Zero)
            throw new ArgumentException($"options.WaitTimeout must be positive (was {bad}).", nameof(options));
        return await WaitCoreAsync(prediction, options, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ImageGenerationResult> WaitCoreAsync(PredictionHandle prediction, GenerationOptions? options, CancellationToken cancellationToken)
    {
        using var activity = PhotonTelemetry.StartWait(prediction.Id, prediction.ModelId);
        try
        {
            var latest = prediction.Latest;
            var polls = 0;
            if (latest is null || !PredictionWaiter.Status(latest).IsTerminal)
            {
                (latest, polls) = await _waiter.WaitAsync(
                    prediction, _options.Polling, options?.WaitTimeout ?? _options.Polling.Timeout, cancellationToken).ConfigureAwait(false);
                Observe(prediction, latest);
            }

            var status = PredictionWaiter.Status(latest);
            // Mapping the outcome reads only the context's ids and key, never its operation text: no per-call formatting.
            var context = _api.Context("Reading the outcome of a prediction", prediction.Id, prediction.ModelId);
            if (status != PredictionStatus.Completed) throw ErrorMapper.FromTask(latest, status, context);
            var result = ResultMapper.Map(latest, context, _time.GetElapsedTime(prediction.StartedTimestamp), polls, prediction.RequestedModelId);
            PhotonTelemetry.Succeeded(result);
            PhotonTelemetry.Tag(activity, result);
            PhotonTelemetry.Tag(PhotonTelemetry.OwnParent(activity), result);
            Log.Completed(_logger, result.PredictionId, result.ModelId, result.Timings.Elapsed.TotalSeconds, result.PollCount, result.CostUsd);
            return result;
        }
        catch (Exception e) when (e is PhotonException or OperationCanceledException)
        {
            PhotonTelemetry.Failed(activity, e, prediction.ModelId, countPrediction: true);
            Log.Failed(_logger, prediction.Id, prediction.ModelId, PhotonTelemetry.Outcome(e), e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(content));
        var uploader = new MediaUploader(_api, _http, _options.MaxUploadBytes);
        return await uploader.UploadAsync(content, fileName, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<decimal> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var response = await _api.ReadAsync((client, token) => client.GetBalanceAsync(token), _api.Context("Reading the balance"), cancellationToken).ConfigureAwait(false);
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
        var response = await _api.ReadAsync((client, token) => client.ListPredictionsAsync(request, token), _api.Context("Reading the history"), cancellationToken)
            .ConfigureAwait(false);
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

        var request = new DeletePredictionsRequest { Ids = ids };
        var response = await _api.ReadAsync((client, token) => client.DeletePredictionsAsync(request, token), _api.Context("Deleting predictions"), cancellationToken)
            .ConfigureAwait(false);
        return response.Data?.Deleted_count ?? 0;
    }

    /// <summary>
    /// Writes an image to a stream: its bytes, or what its URL serves (http(s) only, at most
    /// <see cref="PhotonClientOptions.MaxDownloadBytes"/>, within <see cref="RetryOptions.AttemptTimeout"/>).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The media type of what was written, when known.</returns>
    public Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken = default) =>
        new ImageDownloader(_http, _options.MaxDownloadBytes, _time, _options.Retry.AttemptTimeout).DownloadAsync(image, destination, cancellationToken);

    /// <summary>
    /// Saves a result's first image to a file. When <paramref name="path"/> is a directory (existing, or ending in a
    /// separator), the file is named after the prediction id with an extension from the media type.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="path">A file path or a directory.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The full path of the file written.</returns>
    public Task<string> SaveAsync(ImageGenerationResult result, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ImageDownloader(_http, _options.MaxDownloadBytes, _time, _options.Retry.AttemptTimeout).SaveAsync(result, path, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    internal async Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken)
    {
        var response = await _api.ReadAsync(
            (client, token) => client.GetPredictionResultAsync(prediction.Id, token),
            _api.Context($"Reading prediction {prediction.Id}", prediction.Id, prediction.ModelId),
            cancellationToken).ConfigureAwait(false);
        if (response.Data is not null) Observe(prediction, response.Data);
        return prediction.Status;
    }

    private void Observe(PredictionHandle prediction, Prediction latest)
    {
        prediction.Latest = latest;
        prediction.LatestTimestamp = _time.GetTimestamp();
        prediction.Status = PredictionWaiter.Status(latest);
        if (!string.IsNullOrEmpty(latest.Model)) prediction.ModelId = latest.Model;
    }

    private PhotonModel Prepare(string prompt, GenerationOptions options)
    {
        RequestValidator.ValidatePrompt(prompt, _options.MaxPromptLength, nameof(prompt));
        if (options.Model is not null && options.Intent is not null)
            throw new ArgumentException("Set either options.Model or options.Intent, not both.", nameof(options));
        var model = ModelRouter.Route(options, _options.Routing);
        RequestValidator.ValidateOptions(options, model, nameof(options));
        return model;
    }

    private async Task<PredictionHandle> SubmitCoreAsync(
        string prompt, GenerationOptions options, PhotonModel model, string? requestedModelId, CancellationToken cancellationToken)
    {
        var input = new SubmitInput(
            prompt,
            options.InputImage,
            options.ResponseFormat == ImageResponseFormat.Data ? true : null,
            options.SyncMode ? true : null,
            options.Webhook);
        var context = _submitContexts.GetOrAdd(model.Id, static (id, api) => api.Context($"Submitting to {id}", modelId: id), _api);
        var started = _time.GetTimestamp();
        using var activity = PhotonTelemetry.StartSubmit(model);
        if (_options.Telemetry.IncludePrompts) Log.SubmittingWithPrompt(_logger, model.Id, prompt);
        PredictionResponse response;
        try
        {
            response = await _api.SubmitAsync(
                static (client, request, token) => SubmitDispatcher.SubmitAsync(client, request.model, request.input, token), (model, input), options.SyncMode, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PhotonException or OperationCanceledException)
        {
            PhotonTelemetry.Failed(activity, e, model.Id, countPrediction: true);
            Log.Failed(_logger, null, model.Id, PhotonTelemetry.Outcome(e), e);
            throw;
        }

        if (response.Data is not { Id.Length: > 0 } data)
        {
            throw new PhotonSubmissionUncertainException(
                $"{context.Operation}: the server answered 200 without a prediction id. It may have created a prediction; check the history before submitting again.")
            {
                ModelId = model.Id, StatusCode = 200,
            };
        }

        var handle = new PredictionHandle(this, data.Id, model.Id, default, started, requestedModelId) { StartedAtSubmit = true };
        Observe(handle, data);
        activity?.SetTag("gen_ai.response.id", data.Id);
        PhotonTelemetry.OwnParent(activity)?.SetTag("gen_ai.response.id", data.Id);
        Log.Submitted(_logger, data.Id, model.Id);
        return handle;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "The HttpClient owns and disposes the handler.")]
    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        // Attempt timeouts come from RetryOptions; HttpClient's own 100 s would cut sync-mode submits short.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
