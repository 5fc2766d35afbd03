using System.Globalization;
using System.Text.Json;
using PhotonSdk.Rest;

namespace PhotonSdk.Errors;

/// <summary>Turns HTTP errors, envelope codes and task codes into the SDK's exception hierarchy.</summary>
internal static class ErrorMapper
{
    public const int MaxExcerptLength = 512;

    private const string ActivationHint =
        " Check the key; note that a new WaveSpeed key is refused with 401 until the account has been topped up once.";

    /// <summary>Maps an answer with a non-2xx status, from its body (an envelope or an error object, when JSON).</summary>
    public static PhotonException FromHttp(int status, string? body, TimeSpan? retryAfter, ErrorContext context)
    {
        var error = ErrorBody(body);
        var taskCode = error?.Code is { } code && code != status ? code : (int?)null;
        return Create(status, status, null, taskCode, ServerMessage(error), Excerpt(body, context), context, retryAfter);
    }

    /// <summary>Maps an HTTP 200 whose envelope <c>code</c> is not 200: the type follows the code, the status stays 200.</summary>
    public static PhotonException FromEnvelope(int code, string? message, ErrorContext context) =>
        Create(code, 200, code, null, message, null, context, null);

    /// <summary>Maps a prediction that reached a terminal status other than completed.</summary>
    public static PhotonException FromTask(Prediction prediction, PredictionStatus status, ErrorContext context)
    {
        var serverError = string.IsNullOrWhiteSpace(prediction.Error) ? null : context.Key.Redact(prediction.Error);
        var text = serverError is null ? "" : $": {serverError}";
        var id = prediction.Id;
        var model = prediction.Model ?? context.ModelId;
        return prediction.Code switch
        {
            1200 => new PhotonContentModerationException($"Prediction {id} was refused by content moderation (task code 1200){text}. Rephrase the prompt.")
            {
                PredictionId = id, ModelId = model, TaskCode = 1200,
            },
            1400 or 1401 or 1402 => new PhotonInvalidRequestException($"Prediction {id} failed on its input (task code {prediction.Code}){text}.")
            {
                PredictionId = id, ModelId = model, TaskCode = prediction.Code,
            },
            5000 or 5003 => new PhotonServerException($"Prediction {id} failed on the server (task code {prediction.Code}){text}. Submitting again usually works.")
            {
                PredictionId = id, ModelId = model, TaskCode = prediction.Code,
            },
            _ => new PhotonPredictionFailedException($"Prediction {id} ended with status '{status}'{(prediction.Code is > 0 and var c ? $" (task code {c})" : "")}{text}.", status)
            {
                PredictionId = id, ModelId = model, TaskCode = prediction.Code is 0 ? null : prediction.Code, ServerError = serverError,
            },
        };
    }

    private static PhotonException Create(
        int status, int httpStatus, int? apiCode, int? taskCode, string? serverMessage, string? excerpt, ErrorContext context, TimeSpan? retryAfter)
    {
        // Server messages often end in a full stop of their own; the SDK adds its sentence after one.
        var detail = string.IsNullOrWhiteSpace(serverMessage) ? "" : $": {context.Key.Redact(serverMessage).TrimEnd().TrimEnd('.')}";
        var head = apiCode is null ? $"{context.Operation} failed with HTTP {status}{detail}" : $"{context.Operation} failed: the server answered HTTP 200 with code {apiCode}{detail}";
        var retryText = retryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"try again in {wait.TotalSeconds:0.#} s") : "try again later";
        return status switch
        {
            401 or 403 => new PhotonAuthenticationException($"{head}.{ActivationHint}")
            {
                StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
            400 or 413 or 422 => new PhotonInvalidRequestException($"{head}.")
            {
                StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
            // The operation and the server's message both name the id already: said once, with what to do.
            404 => new PhotonPredictionNotFoundException(
                context.PredictionId is null ? $"{head}." : $"No prediction '{context.PredictionId}' exists (HTTP 404); predictions are kept for 7 days.")
            {
                StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
            429 => new PhotonRateLimitedException($"{head}. The account's rate limit was reached; {retryText}.")
            {
                RetryAfter = retryAfter, StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
            >= 500 and < 600 => new PhotonServerException($"{head}. This is usually transient.")
            {
                StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
            _ => new PhotonException($"{head}.")
            {
                StatusCode = httpStatus, ApiCode = apiCode, TaskCode = taskCode, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
            },
        };
    }

    private static ErrorResponse? ErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(body, WaveSpeedRestClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string? ServerMessage(ErrorResponse? body)
    {
        if (body is null) return null;
        if (!string.IsNullOrWhiteSpace(body.Message)) return body.Message;
        if (!string.IsNullOrWhiteSpace(body.Error)) return body.Error;
        return body.Data is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("error", out var nested) ? nested.ToString() : null;
    }

    internal static string? Excerpt(string? body, ErrorContext context)
    {
        if (string.IsNullOrEmpty(body)) return null;
        var text = context.Key.Redact(body);
        return text.Length <= MaxExcerptLength ? text : text[..MaxExcerptLength] + "…";
    }
}
