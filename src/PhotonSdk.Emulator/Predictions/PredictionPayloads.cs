using System.Globalization;
using PhotonSdk.Emulator.Rendering;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>Turns a stored prediction into what the API shows of it at a given moment.</summary>
internal sealed class PredictionPayloads
{
    private readonly RenderCache _renders;

    public PredictionPayloads(RenderCache renders) => _renders = renders;

    /// <summary>The path of a prediction's output image, relative to the emulator's root.</summary>
    public string OutputPath(PredictionRecord prediction) =>
        $"/outputs/{prediction.Id}/0.{ImageFormats.Extension(_renders.Format)}";

    /// <summary>The prediction as a submit answers it: always <c>created</c>, as the real API does, however fast it will run.</summary>
    public static PredictionPayload Submitted(PredictionRecord prediction) =>
        Build(prediction, PredictionStatus.Created, TaskCodes.Ok, error: "", outputs: [], elapsedMs: 0);

    /// <summary>The prediction at <paramref name="now"/>, with outputs as base64 when the request asked for that.</summary>
    public PredictionPayload At(PredictionRecord prediction, DateTimeOffset now) => At(prediction, now, prediction.Base64Output);

    /// <summary>The prediction at <paramref name="now"/> with output URLs, as history lists it.</summary>
    public PredictionPayload Listed(PredictionRecord prediction, DateTimeOffset now) => At(prediction, now, base64: false);

    /// <summary>The finished prediction as its webhook carries it (base64 cannot be combined with webhooks).</summary>
    public PredictionPayload ForWebhook(PredictionRecord prediction, DateTimeOffset now) => At(prediction, now, base64: false);

    /// <summary>The answer to a sync-mode request whose window passed first: still processing, task code 5004.</summary>
    public static PredictionPayload SyncTimedOut(PredictionRecord prediction, TimeSpan window) =>
        Build(
            prediction,
            PredictionStatus.Processing,
            TaskCodes.Timeout,
            error: string.Create(CultureInfo.InvariantCulture, $"Sync mode timed out after {Math.Round(window.TotalSeconds, 3)} seconds. The prediction is still processing asynchronously."),
            outputs: [],
            elapsedMs: 0);

    private PredictionPayload At(PredictionRecord prediction, DateTimeOffset now, bool base64)
    {
        var status = prediction.StatusAt(now);
        var elapsedMs = (long)(prediction.FinishesAt - prediction.StartsAt).TotalMilliseconds;
        return status switch
        {
            PredictionStatus.Completed => Build(prediction, status, TaskCodes.Ok, "", [Output(prediction, base64)], elapsedMs),
            PredictionStatus.Failed => Build(prediction, status, prediction.FailureCode, TaskCodes.FailureMessage(prediction.FailureCode), [], elapsedMs),
            _ => Build(prediction, status, TaskCodes.Ok, "", [], 0),
        };
    }

    private string Output(PredictionRecord prediction, bool base64) =>
        base64
            ? Convert.ToBase64String(_renders.Get(prediction.Prompt, prediction.RenderSeed))
            : prediction.Origin + OutputPath(prediction);

    private static PredictionPayload Build(PredictionRecord prediction, string status, int code, string error, string[] outputs, long elapsedMs) =>
        new()
        {
            Id = prediction.Id,
            Model = prediction.Model.Id,
            Outputs = outputs,
            Urls = new PredictionUrls { Get = prediction.ResultUrl },
            HasNsfwContents = outputs.Length == 0 ? [] : new bool[outputs.Length],
            Status = status,
            CreatedAt = Timestamps.Format(prediction.CreatedAt),
            Error = error,
            ExecutionTime = elapsedMs,
            Timings = new PredictionTimings { Inference = elapsedMs },
            Code = code,
            Input = prediction.Input,
        };
}
