using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PhotonSdk.Telemetry;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>PhotonSdk</c>. Spans and metrics follow
/// the OpenTelemetry gen_ai conventions where they fit (operation, provider, request and response model, response id);
/// the rest is under <c>photon.*</c>.
/// </summary>
internal static class PhotonTelemetry
{
    public const string Name = "PhotonSdk";
    public const string Provider = "wavespeed";

    private static readonly string? Version = typeof(PhotonTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Predictions = Meter.CreateCounter<long>(
        "photon.predictions", "{prediction}", "Predictions that finished, by model and outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Time from submit to result, as the client saw it.");

    public static readonly Histogram<int> Polls = Meter.CreateHistogram<int>(
        "photon.prediction.polls", "{request}", "Result requests sent per prediction.");

    public static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "photon.prediction.cost", "USD", "The price of completed predictions.");

    public static Activity? StartGenerate(PhotonModel model, Uri apiRoot, string prompt, TelemetryOptions options)
    {
        // The span name is formatted only when someone listens: most clients run without tracing.
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity($"generate_content {model.Id}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("gen_ai.operation.name", "generate_content");
        activity.SetTag("gen_ai.provider.name", Provider);
        activity.SetTag("gen_ai.request.model", model.Id);
        activity.SetTag("gen_ai.output.type", "image");
        activity.SetTag("server.address", apiRoot.Host);
        activity.SetTag("server.port", apiRoot.Port);
        if (options.IncludePrompts) activity.SetTag("photon.prompt", prompt);
        return activity;
    }

    public static Activity? StartSubmit(PhotonModel model)
    {
        var activity = Source.StartActivity("photon.submit", ActivityKind.Client);
        activity?.SetTag("gen_ai.request.model", model.Id);
        return activity;
    }

    public static Activity? StartWait(string predictionId, string? modelId)
    {
        var activity = Source.StartActivity("photon.wait", ActivityKind.Internal);
        activity?.SetTag("gen_ai.response.id", predictionId);
        activity?.SetTag("gen_ai.response.model", modelId);
        return activity;
    }

    public static Activity? StartPoll(string predictionId, int attempt)
    {
        var activity = Source.StartActivity("photon.poll", ActivityKind.Client);
        activity?.SetTag("gen_ai.response.id", predictionId);
        activity?.SetTag("photon.poll.attempt", attempt);
        return activity;
    }

    /// <summary>The parent of an SDK span when it is the SDK's own (never a caller's span, which the SDK leaves alone).</summary>
    public static Activity? OwnParent(Activity? activity) => activity?.Parent is { } parent && parent.Source == Source ? parent : null;

    public static void Succeeded(ImageGenerationResult result)
    {
        if (!Predictions.Enabled && !Duration.Enabled && !Polls.Enabled && !Cost.Enabled) return;
        var tags = new TagList { { "gen_ai.provider.name", Provider }, { "gen_ai.response.model", result.ModelId }, { "photon.outcome", "completed" } };
        Predictions.Add(1, tags);
        Duration.Record(result.Timings.Elapsed.TotalSeconds, tags);
        Polls.Record(result.PollCount, tags);
        if (result.CostUsd is { } cost) Cost.Add((double)cost, tags);
    }

    public static void Tag(Activity? activity, ImageGenerationResult result)
    {
        if (activity is null) return;
        activity.SetTag("gen_ai.response.id", result.PredictionId);
        activity.SetTag("gen_ai.response.model", result.ModelId);
        activity.SetTag("photon.prediction.status", "completed");
        activity.SetTag("photon.prediction.polls", result.PollCount);
        if (result.CostUsd is { } price) activity.SetTag("photon.cost.usd", (double)price);
    }

    public static void Failed(Activity? activity, Exception error, string? modelId, bool countPrediction)
    {
        var outcome = Outcome(error);
        if (countPrediction)
        {
            Predictions.Add(1, new TagList { { "gen_ai.provider.name", Provider }, { "gen_ai.response.model", modelId }, { "photon.outcome", outcome } });
        }

        if (activity is null) return;
        // The type, not the message: messages may quote server text, and the type is what dashboards group by.
        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetTag("error.type", error.GetType().FullName);
        activity.SetTag("photon.outcome", outcome);
        if (error is PhotonException { PredictionId: { } id }) activity.SetTag("gen_ai.response.id", id);
        if (error is PhotonCanceledException { PredictionId: { } canceledId }) activity.SetTag("gen_ai.response.id", canceledId);
    }

    public static string Outcome(Exception error) => error switch
    {
        PhotonContentModerationException => "moderated",
        PhotonPredictionFailedException failed => failed.Status.Value,
        PhotonWaitTimeoutException => "wait_timeout",
        PhotonCanceledException or OperationCanceledException => "canceled",
        PhotonRateLimitedException => "rate_limited",
        PhotonSubmissionUncertainException => "submission_uncertain",
        PhotonAuthenticationException => "unauthenticated",
        PhotonInvalidRequestException or ArgumentException => "invalid_request",
        _ => "error",
    };
}
