using System.Globalization;
using System.Text;
using PhotonSdk.Budget;

namespace PhotonSdk.Agents;

/// <summary>
/// The replies the image tools give a model. Each text is short, says what happened and what to do next, and carries
/// URLs and ids verbatim; none carries image bytes.
/// </summary>
internal static class AgentReplies
{
    private const int MaxReasonLength = 300;

    // The same on every platform, so that a host can split the text predictably.
    private const char NewLine = '\n';

    public static ImageToolReply Ready(ImageGenerationResult result)
    {
        var text = new StringBuilder();
        var urls = result.Images.Where(image => image.Url is not null).Select(image => image.Url!.ToString()).ToList();
        text.Append(urls.Count switch
        {
            0 => "Image made, but it came back as bytes, which cannot be shown here; ask the application for it.",
            1 => $"Image ready: {urls[0]}",
            _ => $"Images ready: {string.Join(" ", urls)}",
        }).Append(NewLine);
        if (urls.Count > 0 && urls.Count < result.Images.Count)
            text.Append("Part of the output came back as bytes, which cannot be shown here; ask the application for it.").Append(NewLine);
        text.Append(CultureInfo.InvariantCulture, $"Prediction id: {result.PredictionId}. Model: {result.ModelId}. Cost: ");
        text.Append(result.CostUsd is { } cost ? $"{ImageBudget.Usd(cost)} USD." : "unknown.");
        if (result.Images.Any(image => image.IsNsfw)) text.Append(NewLine).Append("The image service flagged the image as not safe for work.");
        if (urls.Count > 0) text.Append(NewLine).Append("Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.");
        return new ImageToolReply(ImageToolOutcome.Ready, text.ToString(), result: result);
    }

    public static ImageToolReply InvalidArgument(string problem) => new(
        ImageToolOutcome.InvalidArgument,
        $"Not generated: {problem}. Nothing was sent; correct the arguments and call the function again.");

    public static ImageToolReply OverBudget(string reason) => new(
        ImageToolOutcome.OverBudget,
        $"Not generated: {reason}. Nothing was sent. Tell the user that the image budget is exhausted; do not call generate_image again.");

    public static ImageToolReply Moderated(string? predictionId) => new(
        ImageToolOutcome.Moderated,
        $"Not generated: content moderation refused the prompt{InPrediction(predictionId)}. " +
        "Rephrase the prompt without the flagged content and call generate_image again.",
        predictionId);

    public static ImageToolReply RateLimited(TimeSpan? retryAfter) => new(
        ImageToolOutcome.RateLimited,
        $"Not generated: the image service is rate-limited and created nothing. {After(retryAfter)}, try again.");

    public static ImageToolReply StillRunning(string predictionId, TimeSpan waited) => new(
        ImageToolOutcome.StillRunning,
        $"Still generating: prediction {predictionId} was not finished after {Describe(waited)}; it keeps running. " +
        $"Call get_image_result with prediction_id \"{predictionId}\" to get the image. Do not call generate_image again for it.",
        predictionId);

    public static ImageToolReply RateLimitedWhileWaiting(string predictionId, TimeSpan? retryAfter) => new(
        ImageToolOutcome.StillRunning,
        $"Still generating: prediction {predictionId} was accepted, but the image service is rate-limited. {After(retryAfter)}, " +
        $"call get_image_result with prediction_id \"{predictionId}\" to get the image. Do not call generate_image again for it.",
        predictionId);

    public static ImageToolReply NotFound(string predictionId) => new(
        ImageToolOutcome.NotFound,
        $"No image: there is no prediction \"{predictionId}\" (predictions are kept for 7 days). Check the id.",
        predictionId);

    public static ImageToolReply Uncertain() => new(
        ImageToolOutcome.Uncertain,
        "Unknown outcome: the connection failed after the request was sent, so the image service may have accepted it and " +
        "may bill it. Do not call generate_image again right away; tell the user.");

    public static ImageToolReply Failed(PhotonException error) => Failed("Not generated", error);

    /// <summary>The balance could not be read; unlike <see cref="Failed(PhotonException)"/>, it says nothing about an image.</summary>
    public static ImageToolReply BalanceUnread(PhotonException error) => error is PhotonRateLimitedException limited
        ? new ImageToolReply(ImageToolOutcome.RateLimited, $"Balance not read: the image service is rate-limited. {After(limited.RetryAfter)}, try again.")
        : Failed("Balance not read", error);

    private static ImageToolReply Failed(string heading, PhotonException error)
    {
        var reason = error.Message.Length <= MaxReasonLength ? error.Message : error.Message[..MaxReasonLength] + "…";
        var id = error.PredictionId is { } predictionId && !reason.Contains(predictionId, StringComparison.Ordinal) ? $" (prediction {predictionId})" : "";
        return new ImageToolReply(ImageToolOutcome.Failed, $"{heading}{id}: {reason.TrimEnd('.')}.", error.PredictionId);
    }

    public static ImageToolReply Submitted(string predictionId, string modelId, decimal priceUsd) => new(
        ImageToolOutcome.StillRunning,
        string.Create(CultureInfo.InvariantCulture, $"Submitted: prediction {predictionId} ({modelId}, {ImageBudget.Usd(priceUsd)} USD) is generating. ") +
        $"Call get_image_result with prediction_id \"{predictionId}\" to get the image. Do not call generate_image again for it.",
        predictionId);

    public static ImageToolReply PricesAndBudget(IEnumerable<PhotonModel> models, ImageBudget.Snapshot budget)
    {
        var text = new StringBuilder("Prices per image: ");
        text.AppendJoin("; ", models.Select(model => string.Create(
            CultureInfo.InvariantCulture,
            $"{model.Id} {ImageBudget.Usd(model.PricePerImageUsd)} USD ({(model.Quality == PhotonQuality.Draft ? "draft" : "final")}{(model.TakesInputImage ? ", modifies an input image" : "")})")));
        text.Append('.').Append(NewLine);
        text.Append(CultureInfo.InvariantCulture, $"Budget left: {budget.ImagesLeft} of {budget.MaxImages} images and {ImageBudget.Usd(budget.CostLeftUsd)} of {ImageBudget.Usd(budget.MaxCostUsd)} USD.");
        if (budget.ImagesLeft == 0 || budget.CostLeftUsd < models.Min(model => model.PricePerImageUsd))
            text.Append(NewLine).Append("The budget is spent: do not call generate_image again; tell the user.");
        return new ImageToolReply(ImageToolOutcome.Information, text.ToString());
    }

    public static ImageToolReply Balance(decimal balanceUsd) => new(
        ImageToolOutcome.Information,
        string.Create(CultureInfo.InvariantCulture, $"Account balance: {ImageBudget.Usd(balanceUsd)} USD."));

    private static string After(TimeSpan? retryAfter) => retryAfter is { } wait
        ? $"In {Seconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)))}"
        : "In about a minute";

    private static string InPrediction(string? predictionId) => predictionId is null ? "" : $" (prediction {predictionId})";

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 90
            ? Seconds(Math.Round(span.TotalSeconds))
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalMinutes, 1)} minutes");

    private static string Seconds(double whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{whole} {(whole == 1 ? "second" : "seconds")}");
}
