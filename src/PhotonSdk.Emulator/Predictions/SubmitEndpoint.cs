using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PhotonSdk.Emulator.Catalog;
using PhotonSdk.Emulator.Hosting;
using PhotonSdk.Emulator.Uploads;
using PhotonSdk.Emulator.Webhooks;

namespace PhotonSdk.Emulator.Predictions;

/// <summary><c>POST /api/v3/{model_id}</c>: validates the input, fixes the prediction's future and answers it.</summary>
internal sealed class SubmitEndpoint
{
    public const string ModelRouteValue = "model";

    /// <summary>The documented refusal of base64 output combined with a webhook, word for word.</summary>
    public const string Base64WebhookError = "webhook callback does not support base64 output, please use the normal API to use base64 output";

    private readonly EmulatorServices _services;

    public SubmitEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.GetRouteValue(ModelRouteValue) as string ?? "";
        if (!_services.Catalog.TryGetByPath(path, out var model))
        {
            await ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, $"Model not found: {path}").ConfigureAwait(false);
            return;
        }

        var input = await JsonBodies.ReadObjectAsync(context).ConfigureAwait(false);
        if (input is null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, JsonBodies.NotAnObject).ConfigureAwait(false);
            return;
        }

        if (InputValidator.Validate(model, input.Value) is { } problem)
        {
            await ApiResults.InvalidParameterAsync(context, problem.TaskCode, problem.Message).ConfigureAwait(false);
            return;
        }

        var base64 = IsTrue(input.Value, "enable_base64_output");
        Uri? webhook = null;
        if (context.Request.Query.TryGetValue("webhook", out var webhookText) && !string.IsNullOrEmpty(webhookText.ToString()))
        {
            if (base64)
            {
                await ApiResults.BareErrorAsync(context, StatusCodes.Status400BadRequest, Base64WebhookError).ConfigureAwait(false);
                return;
            }

            if (!LoopbackUrls.TryParse(webhookText.ToString(), out webhook, out var webhookProblem))
            {
                await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, $"Invalid parameter: {webhookProblem}.").ConfigureAwait(false);
                return;
            }
        }

        var now = _services.Time.GetUtcNow();
        if (_services.RateLimiter is { } limiter && !limiter.TryAcquire(now, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ApiResults.ErrorAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded: this account may submit {_services.Limits!.ImagesPerMinute} images per minute.").ConfigureAwait(false);
            return;
        }

        var prediction = Create(context, model, input.Value, base64, webhook, now);
        if (IsTrue(input.Value, "enable_sync_mode"))
        {
            await AnswerSyncAsync(context, prediction, now).ConfigureAwait(false);
            return;
        }

        await ApiResults.OkAsync(context, PredictionPayloads.Submitted(prediction), EmulatorJsonContext.Wire.EnvelopePredictionPayload).ConfigureAwait(false);
    }

    private PredictionRecord Create(HttpContext context, ModelDefinition model, JsonElement input, bool base64, Uri? webhook, DateTimeOffset now)
    {
        var ordinal = _services.Predictions.NextOrdinal();
        var prompt = input.TryGetProperty("prompt", out var promptValue) && promptValue.ValueKind == JsonValueKind.String ? promptValue.GetString()! : "";
        var processing = _services.Latency.ProcessingTime(model, ordinal);
        var ready = now + _services.Latency.QueuedTime(model, ordinal);
        var starts = _services.Slots?.Book(ready, processing) ?? ready;
        var failureCode = InputMediaIsMissing(context, model, input)
            ? TaskCodes.MediaUrlNotAccessible
            : _services.Faults.FailureCodeFor(prompt, ordinal);

        var prediction = new PredictionRecord
        {
            Id = _services.Ids.Create(ordinal),
            Ordinal = ordinal,
            Model = model,
            Origin = RequestOrigin.Of(context),
            Input = input,
            Prompt = prompt,
            RenderSeed = input.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value)
                ? value
                : _services.DefaultRenderSeed,
            Base64Output = base64,
            WebhookUrl = webhook?.AbsoluteUri,
            CreatedAt = now,
            StartsAt = starts,
            FinishesAt = starts + processing,
            FailureCode = failureCode,
        };
        _services.Predictions.Add(prediction);
        _services.State?.Add(prediction);
        if (failureCode == TaskCodes.Ok)
        {
            _services.Ledger.ChargeAt(prediction.FinishesAt, model.PriceUsd);
        }

        if (webhook is not null)
        {
            _services.Webhooks.Schedule(prediction.Id, webhook, prediction.FinishesAt);
        }

        return prediction;
    }

    /// <summary>
    /// Whether the input image is a download URL of this emulator whose file does not exist or never arrived, which
    /// the real service reports as task code 1402. Other URLs cannot be fetched offline and are taken on trust.
    /// </summary>
    private bool InputMediaIsMissing(HttpContext context, ModelDefinition model, JsonElement input) =>
        model.TakesInputImage
        && input.TryGetProperty(InputValidator.ImageField, out var image)
        && Uri.TryCreate(image.GetString(), UriKind.Absolute, out var url)
        && url.IsLoopback
        && url.Port == context.Connection.LocalPort
        && UploadStore.TryParseDownloadUrl(url, out var uploadId)
        && !(_services.Uploads.TryGet(uploadId, _services.Time.GetUtcNow(), out var upload) && upload.Content is not null);

    private async Task AnswerSyncAsync(HttpContext context, PredictionRecord prediction, DateTimeOffset now)
    {
        var deadline = now + _services.SyncWindow;
        if (prediction.FinishesAt <= deadline)
        {
            await ClockWaits.UntilAsync(_services.Time, prediction.FinishesAt, context.RequestAborted).ConfigureAwait(false);
            var finished = _services.Payloads.At(prediction, _services.Time.GetUtcNow());
            await ApiResults.OkAsync(context, finished, EmulatorJsonContext.Wire.EnvelopePredictionPayload).ConfigureAwait(false);
            return;
        }

        await ClockWaits.UntilAsync(_services.Time, deadline, context.RequestAborted).ConfigureAwait(false);
        var timedOut = PredictionPayloads.SyncTimedOut(prediction, _services.SyncWindow);
        await ApiResults.OkAsync(context, timedOut, EmulatorJsonContext.Wire.EnvelopePredictionPayload).ConfigureAwait(false);
    }

    private static bool IsTrue(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
