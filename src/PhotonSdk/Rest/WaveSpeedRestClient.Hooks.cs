using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PhotonSdk.Errors;
using PhotonSdk.Resilience;
using PhotonSdk.Transport;

namespace PhotonSdk.Rest;

/// <summary>
/// The hand-written half of the generated client: the bearer key and attribution headers on every API request, the
/// JSON settings, the one resilience policy every operation is sent through, and typed reads of bodies that policy has
/// already read, with the envelope's <c>code</c> checked even when the HTTP status is 200.
/// </summary>
public partial class WaveSpeedRestClient
{
    private readonly System.Net.Http.Headers.AuthenticationHeaderValue? _authorization;
    private readonly ClientAttribution? _attribution;
    private readonly RequestPolicy? _policy;

    internal WaveSpeedRestClient(HttpClient httpClient, Uri apiRoot, ApiKey apiKey, ClientAttribution attribution, RequestPolicy policy)
        // Absolute URLs make the client independent of HttpClient.BaseAddress, so a caller's HttpClient works as it is.
        : this(apiRoot.AbsoluteUri, httpClient)
    {
        // Built once: the header value is immutable, and every request carries the same one.
        ApiRoot = apiRoot;
        _authorization = apiKey.ToAuthorizationHeader();
        _attribution = attribution;
        _policy = policy;
    }

    /// <summary>The API's root address, ending in <c>/api/v3/</c>, that every operation's path is appended to.</summary>
    public Uri? ApiRoot { get; }

    /// <summary>The JSON settings of the generated types.</summary>
    internal static JsonSerializerOptions Json => _settings.Value;

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => ConfigureJson(settings);

    /// <summary>The JSON settings of every generated client.</summary>
    internal static void ConfigureJson(JsonSerializerOptions settings)
    {
        // Optional request fields are left out rather than sent as null: the API documents absent fields, not nulls.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Compile-time metadata first, for the types every prediction uses; the default resolver for the rest. Named here
        // rather than left to the serializer's first call to fill in: type metadata is looked up before that first call
        // when a client's first request is a read.
        settings.TypeInfoResolver = JsonTypeInfoResolver.Combine(WaveSpeedJsonContext.Default, JsonSerializerOptions.Default.TypeInfoResolver);
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_authorization is not null) request.Headers.Authorization = _authorization;
        _attribution?.Apply(request);
    }

    private Task<HttpResponseMessage> SendOperationAsync(HttpClient client, HttpRequestMessage request, string operationId, object? body, string? subject, CancellationToken cancellationToken)
    {
        var policy = _policy ?? throw new InvalidOperationException("This client was not built by PhotonClient; use PhotonClient.Rest.");
        return policy.SendAsync(client, request, RequestMark.ForOperation(operationId, body, subject), cancellationToken);
    }

    private Task<ObjectResponseResult<T>> ReadTypedBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var body = response.Content as BufferedBody ?? throw new InvalidOperationException("The response was not read by the SDK's policy.");
        var status = (int)response.StatusCode;
        // The error context (its text names the operation) is built only when something failed.
        if (!body.LooksComplete) throw Unreadable(body, status, _policy!.Context(body.Mark), body.Mark.Kind == RequestKind.Submit, null);

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(EnvelopeFacts.WithoutByteOrderMark(body.Span), TypeInfoOf<T>());
        }
        catch (JsonException e)
        {
            throw Unreadable(body, status, _policy!.Context(body.Mark), body.Mark.Kind == RequestKind.Submit, e);
        }

        if (value is null) throw Unreadable(body, status, _policy!.Context(body.Mark), body.Mark.Kind == RequestKind.Submit, null);
        if (TypeInfoCache<T>.Code is { } codeOf && codeOf(value) is var code && code != 200)
        {
            var context = _policy!.Context(body.Mark);
            var message = EnvelopeFacts.MessageOf(body.Span);
            // A server error reported in the envelope of a 200 is as ambiguous as one reported by the HTTP status.
            if (body.Mark.Kind == RequestKind.Submit && code is >= 500 and < 600) throw UncertainEnvelope(code, message, (value as PredictionResponse)?.Data?.Id, context);
            throw ErrorMapper.FromEnvelope(code, message, context);
        }

        if (value is PredictionResponse answer) answer.ArrivedTimestamp = body.ArrivedTimestamp;
        return Task.FromResult(new ObjectResponseResult<T>(value, string.Empty));
    }

    // The settings are the generated client's static ones, so each type's metadata is looked up once, not per response
    // (PredictionBenchmarks measures the difference).
    private static JsonTypeInfo<T> TypeInfoOf<T>() =>
        TypeInfoCache<T>.Value ??= (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));

    private static class TypeInfoCache<T>
    {
        public static JsonTypeInfo<T>? Value;

        /// <summary>
        /// The envelope's <c>code</c> of a response type, read from the typed object (every response of the spec is an
        /// envelope, and an operation added to it needs no hand-written change for its code to be checked).
        /// </summary>
        public static readonly Func<T, int>? Code =
            typeof(T).GetProperty("Code") is { PropertyType: var type, GetMethod: { } getter } && type == typeof(int)
                ? getter.CreateDelegate<Func<T, int>>()
                : null;
    }

    private static PhotonException Unreadable(BufferedBody body, int status, ErrorContext context, bool submit, JsonException? error)
    {
        var excerpt = ErrorMapper.Excerpt(body.Text, context);
        if (submit)
        {
            return new PhotonSubmissionUncertainException(
                $"{context.Operation}: the answer (HTTP {status}) could not be read after the request was sent. The server may have created the prediction; " +
                "it was not sent again so that it is not billed twice. Check the history before submitting again.", error)
            {
                ModelId = context.ModelId, StatusCode = status, ResponseExcerpt = excerpt,
            };
        }

        return new PhotonServerException($"{context.Operation}: the server's answer (HTTP {status}) is not the JSON the API documents.", error)
        {
            StatusCode = status, PredictionId = context.PredictionId, ModelId = context.ModelId, ResponseExcerpt = excerpt,
        };
    }

    private static PhotonSubmissionUncertainException UncertainEnvelope(int code, string? message, string? predictionId, ErrorContext context)
    {
        var detail = string.IsNullOrWhiteSpace(message) ? "" : $" ({context.Key.Redact(message)})";
        return new PhotonSubmissionUncertainException(
            $"{context.Operation}: the server answered HTTP 200 with code {code}{detail}. The server may have created the prediction; " +
            "it was not sent again so that it is not billed twice. Check the history before submitting again.")
        {
            ModelId = context.ModelId,
            StatusCode = 200,
            ApiCode = code,
            PredictionId = string.IsNullOrEmpty(predictionId) ? null : predictionId,
        };
    }
}
