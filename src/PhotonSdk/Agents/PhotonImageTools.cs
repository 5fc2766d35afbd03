using Microsoft.Extensions.AI;
using PhotonSdk.Budget;

namespace PhotonSdk.Agents;

/// <summary>
/// Image generation for LLM agents, in any host: the tools a model calls (<c>generate_image</c>,
/// <c>get_image_result</c>, <c>get_image_budget</c>) as Microsoft.Extensions.AI functions
/// (<see cref="AsAIFunctions"/>), and the same calls as methods for hosts that wrap them their own way (Semantic
/// Kernel, MCP).
/// </summary>
/// <remarks>
/// <para>
/// Every reply is short text for a model (the image URL, prediction id, model and cost), never image bytes, and a
/// failure is a reply that says what to do next (moderation → rephrase; rate limited → when; not ready in time → the
/// id and <c>get_image_result</c>; budget spent → stop). Invalid arguments send nothing.
/// </para>
/// <para>
/// Each instance keeps a budget (<see cref="PhotonImageToolsOptions.MaxImages"/>,
/// <see cref="PhotonImageToolsOptions.MaxCostUsd"/>): a generation reserves its image and price before it is sent, so
/// that concurrent calls cannot overspend, and gets them back only when the submit provably created nothing. Past the
/// budget the tools refuse and send nothing. Thread-safe; share one instance per conversation, agent or server.
/// </para>
/// </remarks>
public sealed class PhotonImageTools
{
    /// <summary>The name of the tool that generates an image.</summary>
    public const string GenerateImageName = "generate_image";

    /// <summary>The name of the tool that fetches an image that was not ready in time.</summary>
    public const string GetImageResultName = "get_image_result";

    /// <summary>The name of the tool that tells the prices and what is left of the budget.</summary>
    public const string GetImageBudgetName = "get_image_budget";

    private readonly IPhotonClient _client;
    private readonly ImageBudget _budget;
    private readonly PhotonImageToolsOptions _options;

    /// <summary>Creates the tools.</summary>
    /// <param name="client">The client that sends the predictions; the tools do not dispose it.</param>
    /// <param name="options">Budget, wait bound and prompt bound; the defaults when <see langword="null"/>. Copied here.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public PhotonImageTools(IPhotonClient client, PhotonImageToolsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options?.Clone() ?? new PhotonImageToolsOptions();
        _options.Validate(nameof(options));
        _client = client;
        _budget = new ImageBudget(_options.MaxImages, _options.MaxCostUsd);
    }

    /// <summary>
    /// Generates one image and waits for it, up to <see cref="PhotonImageToolsOptions.WaitTimeout"/> or
    /// <paramref name="waitSeconds"/>, whichever is shorter.
    /// </summary>
    /// <param name="prompt">What the image shows.</param>
    /// <param name="quality"><c>draft</c> (Photon Flash, the default) or <c>final</c> (Photon).</param>
    /// <param name="waitSeconds">How long to wait for the image before answering with the prediction id; at least 1.</param>
    /// <param name="inputImageUrl">An http(s) URL of an image to modify; the modify model of the quality is used.</param>
    /// <param name="progress">Receives a report at the start and every <see cref="PhotonImageToolsOptions.ProgressInterval"/> while waiting.</param>
    /// <param name="cancellationToken">Stops the call; a prediction already submitted keeps running and counts against the budget.</param>
    /// <returns>The reply: the image, the prediction still running, or why no image was made and what to do.</returns>
    public async Task<ImageToolReply> GenerateImageAsync(
        string prompt,
        string? quality = null,
        int? waitSeconds = null,
        string? inputImageUrl = null,
        IProgress<ImageToolProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return AgentReplies.InvalidArgument("the prompt is empty; describe the image to generate");
        if (prompt.Length > _options.MaxPromptLength)
            return AgentReplies.InvalidArgument($"the prompt is {prompt.Length} characters long and at most {_options.MaxPromptLength} are accepted; shorten it");
        if (QualityOf(quality) is not { } chosenQuality)
            return AgentReplies.InvalidArgument($"quality \"{quality}\" is not known; use \"{PhotonModels.DraftAlias}\" or \"{PhotonModels.FinalAlias}\"");
        if (WaitFor(waitSeconds) is not { } wait)
            return AgentReplies.InvalidArgument($"wait_seconds must be at least 1 (was {waitSeconds})");
        Uri? inputImage = null;
        if (!string.IsNullOrWhiteSpace(inputImageUrl)
            && (!Uri.TryCreate(inputImageUrl.Trim(), UriKind.Absolute, out inputImage) || !RequestValidator.IsHttpUrl(inputImage)))
            return AgentReplies.InvalidArgument($"input_image_url must be an absolute http(s) URL (was \"{inputImageUrl}\")");

        PhotonModel model;
        try
        {
            model = PhotonModels.ForQuality(chosenQuality, modifiesImage: inputImage is not null);
        }
        catch (ArgumentException e)
        {
            return Reply(e);
        }

        if (_budget.TryReserve(model.PricePerImageUsd, out var refusal) is not { } reservation) return AgentReplies.OverBudget(refusal!);

        try
        {
            var options = new GenerationOptions { Model = model.Id, InputImage = inputImage, WaitTimeout = wait };
            var result = await WithProgressAsync(
                token => _client.GenerateAsync(prompt, options, token), progress, $"generating with {model.Id}", cancellationToken).ConfigureAwait(false);
            reservation.Settle(result.CostUsd);
            return AgentReplies.Ready(result);
        }
        catch (Exception e) when (e is ArgumentException or PhotonException)
        {
            Close(reservation, e);
            return Reply(e);
        }
        catch (Exception e)
        {
            Close(reservation, e);
            throw;
        }
    }

    /// <summary>
    /// Waits again, up to <see cref="PhotonImageToolsOptions.WaitTimeout"/> or <paramref name="waitSeconds"/>, for a
    /// prediction that was not ready in time. Costs nothing: the prediction was paid for when it was submitted.
    /// </summary>
    /// <param name="predictionId">The prediction id that <c>generate_image</c> returned.</param>
    /// <param name="waitSeconds">How long to wait for the image; at least 1.</param>
    /// <param name="progress">Receives a report at the start and every <see cref="PhotonImageToolsOptions.ProgressInterval"/> while waiting.</param>
    /// <param name="cancellationToken">Stops the waiting (not the prediction).</param>
    /// <returns>The reply: the image, the prediction still running, or why there is no image and what to do.</returns>
    public async Task<ImageToolReply> GetImageResultAsync(
        string predictionId, int? waitSeconds = null, IProgress<ImageToolProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(predictionId))
            return AgentReplies.InvalidArgument("prediction_id is empty; pass the id that generate_image returned");
        if (WaitFor(waitSeconds) is not { } wait)
            return AgentReplies.InvalidArgument($"wait_seconds must be at least 1 (was {waitSeconds})");

        var id = predictionId.Trim();
        try
        {
            var prediction = _client.GetPrediction(id);
            var result = await WithProgressAsync(
                token => _client.WaitForCompletionAsync(prediction, wait, token), progress, $"waiting for prediction {id}", cancellationToken).ConfigureAwait(false);
            return AgentReplies.Ready(result);
        }
        catch (PhotonPredictionNotFoundException)
        {
            return AgentReplies.NotFound(id);
        }
        catch (Exception e) when (e is ArgumentException or PhotonException)
        {
            return Reply(e);
        }
    }

    /// <summary>Tells the price of an image with each model and what is left of this instance's budget. Sends nothing.</summary>
    /// <returns>The reply, whose text lists the prices and the budget.</returns>
    public ImageToolReply GetImageBudget() => AgentReplies.PricesAndBudget(PhotonModels.All, _budget.Read());

    /// <summary>Reads the account's balance from the API.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The reply: the balance in US dollars, or why it could not be read.</returns>
    public async Task<ImageToolReply> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return AgentReplies.Balance(await _client.GetBalanceAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (PhotonException e)
        {
            // Not Reply(e): its texts are about an image ("Not generated", "rephrase the prompt"), and a balance read makes none.
            return AgentReplies.BalanceUnread(e);
        }
    }

    /// <summary>
    /// The tools as Microsoft.Extensions.AI functions, for any host that calls them: a
    /// <c>FunctionInvokingChatClient</c> (<c>UseFunctionInvocation()</c>), an Agent Framework agent, Semantic
    /// Kernel. Each returns its reply's text as a plain string.
    /// </summary>
    /// <param name="approveGeneration">
    /// Whether <c>generate_image</c>, the only tool that spends money, comes wrapped in an
    /// <see cref="ApprovalRequiredAIFunction"/>, so that a host that supports approvals asks the user before each image.
    /// </param>
    /// <returns><c>generate_image</c>, <c>get_image_result</c> and <c>get_image_budget</c>, in that order.</returns>
    public IList<AIFunction> AsAIFunctions(bool approveGeneration = false)
    {
        var generate = ImageToolFunctions.GenerateImage(this);
        return [approveGeneration ? new ApprovalRequiredAIFunction(generate) : generate, ImageToolFunctions.GetImageResult(this), ImageToolFunctions.GetImageBudget(this)];
    }

    private static PhotonQuality? QualityOf(string? quality) => quality?.Trim().ToLowerInvariant() switch
    {
        null or "" or PhotonModels.DraftAlias => PhotonQuality.Draft,
        PhotonModels.FinalAlias => PhotonQuality.Final,
        _ => null,
    };

    /// <summary>The wait a call asked for, capped by the options; <see langword="null"/> when it asked for less than a second.</summary>
    private TimeSpan? WaitFor(int? waitSeconds) => waitSeconds switch
    {
        null => _options.WaitTimeout,
        < 1 => null,
        { } seconds => TimeSpan.FromSeconds(Math.Min(seconds, _options.WaitTimeout.TotalSeconds)),
    };

    private async Task<T> WithProgressAsync<T>(
        Func<CancellationToken, Task<T>> work, IProgress<ImageToolProgress>? progress, string doing, CancellationToken cancellationToken)
    {
        if (progress is null) return await work(cancellationToken).ConfigureAwait(false);

        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        progress.Report(new ImageToolProgress(TimeSpan.Zero, doing));
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = ReportWhileWaitingAsync(progress, doing, started, stopReporting.Token);
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopReporting.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(false);
        }
    }

    private async Task ReportWhileWaitingAsync(IProgress<ImageToolProgress> progress, string doing, long started, CancellationToken stop)
    {
        var time = _options.TimeProvider;
        using var ticks = new PeriodicTimer(_options.ProgressInterval, time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var elapsed = time.GetElapsedTime(started);
                progress.Report(new ImageToolProgress(elapsed, $"{doing} ({Math.Round(elapsed.TotalSeconds)} s)"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The work ended; so do the reports.
        }
    }

    private static ImageToolReply Reply(Exception error) => error switch
    {
        ArgumentException argument => AgentReplies.InvalidArgument(WithoutParameterName(argument)),
        PhotonContentModerationException moderated => AgentReplies.Moderated(moderated.PredictionId),
        PhotonRateLimitedException { PredictionId: null } limited => AgentReplies.RateLimited(limited.RetryAfter),
        PhotonRateLimitedException { PredictionId: { } id } limited => AgentReplies.RateLimitedWhileWaiting(id, limited.RetryAfter),
        PhotonWaitTimeoutException { PredictionId: { } id } timeout => AgentReplies.StillRunning(id, timeout.Waited),
        PhotonSubmissionUncertainException => AgentReplies.Uncertain(),
        PhotonException photon => AgentReplies.Failed(photon),
        _ => throw new InvalidOperationException("Only argument and Photon errors are turned into replies.", error),
    };

    /// <summary>
    /// Gives the reservation back only when the failure proves nothing was created (bad input, or a 4xx answer to the
    /// submit, e.g. 429); whenever a prediction may exist it may be billed, so it stays counted.
    /// </summary>
    private static void Close(ImageBudget.Reservation reservation, Exception error)
    {
        if (SubmitEvidence.ProvesNothingCreated(error)) reservation.Release();
        else reservation.Settle(null);
    }

    private static string WithoutParameterName(ArgumentException error) =>
        (error.ParamName is { } name ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : error.Message).TrimEnd('.');
}
