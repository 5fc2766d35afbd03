using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;

namespace PhotonSdk.SemanticKernel;

/// <summary>
/// Lets an agent generate images with Luma Photon. Its functions answer with short text for the model (the image URL,
/// the prediction id, the model and the cost), never image bytes, and turn failures into text that says what to do next.
/// Each instance keeps a budget (<see cref="PhotonImagePluginOptions.MaxImages"/>, <see cref="PhotonImagePluginOptions.MaxCostUsd"/>);
/// past it the functions refuse and send nothing. Thread-safe. The imported functions also serve Microsoft.Extensions.AI
/// function calling as they are, since a <see cref="KernelFunction"/> is an <c>AIFunction</c>.
/// </summary>
public sealed class PhotonImagePlugin
{
    /// <summary>The name a kernel gives the plugin unless told otherwise.</summary>
    public const string DefaultPluginName = "photon";

    /// <summary>The name of the function that generates an image.</summary>
    public const string GenerateImageFunctionName = "generate_image";

    /// <summary>The name of the function that fetches an image that was not ready in time.</summary>
    public const string GetImageResultFunctionName = "get_image_result";

    private const string DraftQuality = PhotonModels.DraftAlias;
    private const string FinalQuality = PhotonModels.FinalAlias;

    private readonly IPhotonClient _client;
    private readonly ImageBudget _budget;
    private readonly TimeSpan _waitTimeout;
    private readonly int _maxPromptLength;

    /// <summary>Creates the plugin.</summary>
    /// <param name="client">The client that sends the predictions.</param>
    /// <param name="options">Budget, wait bound and prompt bound; the defaults when <see langword="null"/>. Read once, here.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public PhotonImagePlugin(IPhotonClient client, PhotonImagePluginOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new PhotonImagePluginOptions();
        options.Validate(nameof(options));
        _client = client;
        _budget = new ImageBudget(options.MaxImages, options.MaxCostUsd);
        _waitTimeout = options.WaitTimeout;
        _maxPromptLength = options.MaxPromptLength;
    }

    /// <summary>Generates one image and waits for it, up to <see cref="PhotonImagePluginOptions.WaitTimeout"/>.</summary>
    /// <param name="prompt">What the image shows.</param>
    /// <param name="quality"><c>draft</c> (Photon Flash) or <c>final</c> (Photon).</param>
    /// <param name="cancellationToken">Stops the call; a prediction already submitted keeps running and counts against the budget.</param>
    /// <returns>Text for the model: the image URL, prediction id, model and cost, or what went wrong and what to do.</returns>
    [KernelFunction(GenerateImageFunctionName)]
    [Description(
        "Generates one image from a text description with Luma Photon and returns its URL, prediction id, model and cost. " +
        "It can take a minute or two. Show the returned URL to the user exactly as given.")]
    [return: Description("Short text: the image URL, prediction id, model and cost; or why no image was made and what to do next.")]
    public async Task<string> GenerateImageAsync(
        [Description("A detailed description of the image to generate: subject, setting, style, composition, lighting and mood, in plain prose.")]
        string prompt,
        [Description("\"draft\" for a fast, cheap image (Photon Flash); \"final\" for the best quality (Photon), slower and dearer. " +
                     "Use \"final\" only when the user wants a finished, high-quality image.")]
        string quality = DraftQuality,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return AgentReplies.InvalidArgument("the prompt is empty; describe the image to generate");
        if (prompt.Length > _maxPromptLength)
            return AgentReplies.InvalidArgument($"the prompt is {prompt.Length} characters long and at most {_maxPromptLength} are accepted; shorten it");
        if (ModelFor(quality) is not { } model)
            return AgentReplies.InvalidArgument($"quality \"{quality}\" is not known; use \"{DraftQuality}\" or \"{FinalQuality}\"");

        if (_budget.TryReserve(model.PricePerImageUsd, out var refusal) is not { } reservation) return AgentReplies.OverBudget(refusal!);

        try
        {
            var options = new GenerationOptions { Model = model.Id, WaitTimeout = _waitTimeout };
            var result = await _client.GenerateAsync(prompt, options, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Waits again, up to <see cref="PhotonImagePluginOptions.WaitTimeout"/>, for a prediction that was not ready in time.</summary>
    /// <param name="prediction_id">The prediction id that <c>generate_image</c> returned.</param>
    /// <param name="cancellationToken">Stops the waiting (not the prediction).</param>
    /// <returns>Text for the model: the image URL, prediction id, model and cost, or what went wrong and what to do.</returns>
    [KernelFunction(GetImageResultFunctionName)]
    [Description(
        "Gets the image of a prediction that generate_image started but that was not finished in time. " +
        "Use the prediction id that generate_image returned. Show the returned URL to the user exactly as given.")]
    [return: Description("Short text: the image URL, prediction id, model and cost; or why there is no image yet and what to do next.")]
    [SuppressMessage("Naming", "CA1707", Justification = "The parameter's name is the one the model sees in the tool's schema.")]
    public async Task<string> GetImageResultAsync(
        [Description("The prediction id that generate_image returned, exactly as given.")]
        string prediction_id,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prediction_id))
            return AgentReplies.InvalidArgument("prediction_id is empty; pass the id that generate_image returned");

        var predictionId = prediction_id.Trim();
        try
        {
            var prediction = _client.GetPrediction(predictionId);
            var result = await _client.WaitForCompletionAsync(prediction, _waitTimeout, cancellationToken)
                .ConfigureAwait(false);
            return AgentReplies.Ready(result);
        }
        catch (PhotonPredictionNotFoundException)
        {
            return AgentReplies.NotFound(predictionId);
        }
        catch (Exception e) when (e is ArgumentException or PhotonException)
        {
            return Reply(e);
        }
    }

    private static PhotonModel? ModelFor(string? quality) => quality?.Trim().ToLowerInvariant() switch
    {
        null or "" or DraftQuality => PhotonModels.ForQuality(PhotonQuality.Draft),
        FinalQuality => PhotonModels.ForQuality(PhotonQuality.Final),
        _ => null,
    };

    private static string Reply(Exception error) => error switch
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
        var createdNothing = error switch
        {
            ArgumentException => true,
            PhotonCanceledException canceled => canceled.PredictionId is null && !canceled.PredictionMayExist,
            PhotonSubmissionUncertainException => false,
            PhotonException photon => photon.PredictionId is null && photon.StatusCode is >= 400 and < 500,
            _ => false,
        };
        if (createdNothing) reservation.Release();
        else reservation.Settle(null);
    }

    private static string WithoutParameterName(ArgumentException error) =>
        (error.ParamName is { } name ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : error.Message).TrimEnd('.');
}
