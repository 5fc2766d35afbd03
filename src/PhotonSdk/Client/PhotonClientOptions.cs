using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>
/// Settings of a <see cref="PhotonClient"/>. Every property has a default; only the API key is needed. A client takes a
/// copy when it is built (<see cref="Clone"/>), so changing these options afterwards does not change that client.
/// </summary>
/// <remarks>
/// The rules are declared with DataAnnotations attributes and <see cref="IValidatableObject"/>;
/// <see cref="Validate()"/> checks them all, here and in the option objects held here, and reports every broken one at once.
/// </remarks>
public sealed class PhotonClientOptions : IValidatableObject
{
    private const string ApiPath = "api/v3/";

    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "WAVESPEED_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseUrl"/> is not set.</summary>
    public const string BaseUrlEnvironmentVariable = "WAVESPEED_BASE_URL";

    /// <summary>WaveSpeed's API address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.wavespeed.ai/");

    /// <summary>The WaveSpeed API key. Default: the <c>WAVESPEED_API_KEY</c> environment variable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's address, e.g. <c>https://api.wavespeed.ai</c> or an emulator's <c>http://127.0.0.1:5599</c>; the SDK
    /// adds <c>/api/v3/</c> unless the address already ends with it. Default: <c>WAVESPEED_BASE_URL</c>, else
    /// <see cref="DefaultBaseUrl"/>.
    /// </summary>
    [HttpUrl]
    public Uri? BaseUrl { get; set; }

    /// <summary>Model choice and fallback.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    [ValidateObjectMembers]
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>How the SDK waits for predictions.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    [ValidateObjectMembers]
    public PollingOptions Polling { get; set; } = new();

    /// <summary>How HTTP requests are retried and bounded.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    [ValidateObjectMembers]
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The default of <see cref="MaxPromptLength"/>, which the agent tools share so that every route agrees.</summary>
    public const int DefaultMaxPromptLength = 10_000;

    /// <summary>The longest prompt accepted, in characters. Default <see cref="DefaultMaxPromptLength"/> (10,000).</summary>
    [Positive]
    public int MaxPromptLength { get; set; } = DefaultMaxPromptLength;

    /// <summary>The largest image the download helpers read, in bytes. Default 64 MiB.</summary>
    [Positive]
    public long MaxDownloadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest file <see cref="PhotonClient.UploadAsync"/> sends, in bytes. Default 300 MB, above which WaveSpeed asks for URLs instead.</summary>
    [Positive]
    public long MaxUploadBytes { get; set; } = 300L * 1000 * 1000;

    /// <summary>
    /// The name sent as <c>X-Client-Name</c> (default <c>photon-sdk-dotnet</c>); the <c>WAVESPEED_CLIENT_NAME</c>
    /// environment variable overrides it.
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>Where the SDK logs (submits, completions, retries, failures). Default: no logging.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>What traces and logs may contain.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    [ValidateObjectMembers]
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>The clock for polling, backoff and timeouts. Default <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A copy of these options and of the option objects they hold (<see cref="Routing"/>, <see cref="Polling"/>,
    /// <see cref="Retry"/>, <see cref="Telemetry"/>); the <see cref="LoggerFactory"/> and the <see cref="TimeProvider"/>
    /// are shared, not copied.
    /// </summary>
    /// <returns>The copy; changing it leaves these options as they are, and the other way round.</returns>
    public PhotonClientOptions Clone()
    {
        var copy = (PhotonClientOptions)MemberwiseClone();
        copy.Routing = Routing?.Clone()!;
        copy.Polling = Polling?.Clone()!;
        copy.Retry = Retry?.Clone()!;
        copy.Telemetry = Telemetry?.Clone()!;
        return copy;
    }

    /// <summary>
    /// Checks every setting, as a <see cref="PhotonClient"/> built from these options would (the API key and base URL
    /// environment variables included), and reports every invalid one in one exception. <see cref="PhotonClient"/>'s
    /// constructor and the dependency-injection package's start-up validation run this same check.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// At least one setting is invalid or no API key is set; the message names each setting and the value it had.
    /// </exception>
    public void Validate() => OptionsValidator.ThrowIfInvalid(this, "options");

    /// <summary>
    /// The settings a client runs with: a validated copy, with the API key and base URL taken from the environment when
    /// they are not set. Later changes to these options do not reach it.
    /// </summary>
    /// <param name="paramName">The caller's parameter, for the exception.</param>
    /// <returns>The copy, whose <see cref="ApiKey"/> and <see cref="BaseUrl"/> are set.</returns>
    /// <exception cref="ArgumentException">At least one setting is invalid or no API key is set.</exception>
    internal PhotonClientOptions Resolve(string paramName)
    {
        var snapshot = Clone();
        OptionsValidator.ThrowIfInvalid(snapshot, paramName);
        snapshot.ApiKey = snapshot.EffectiveApiKey();
        snapshot.BaseUrl = snapshot.EffectiveBaseUrl(out _);
        return snapshot;
    }

    /// <summary>The API's root address, ending in <c>/api/v3/</c>: the base URL with the API path added unless it ends with it.</summary>
    internal Uri ApiRoot
    {
        get
        {
            var text = (BaseUrl ?? DefaultBaseUrl).GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
            if (!text.EndsWith("/" + ApiPath, StringComparison.OrdinalIgnoreCase)) text += ApiPath;
            return new Uri(text, UriKind.Absolute);
        }
    }

    // The rules that read the environment, and the one about the key, whose value must never reach a message.
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(EffectiveApiKey()))
        {
            yield return new ValidationResult(
                $"No API key: set options.{nameof(ApiKey)} or the {ApiKeyEnvironmentVariable} environment variable", [nameof(ApiKey)]);
        }

        _ = EffectiveBaseUrl(out var baseUrlProblem);
        if (baseUrlProblem is not null) yield return new ValidationResult(baseUrlProblem, [nameof(BaseUrl)]);
    }

    private string? EffectiveApiKey() =>
        string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;

    /// <summary>The base URL set here, else the one in the environment, else <see cref="DefaultBaseUrl"/>.</summary>
    /// <param name="problem">Why the environment's URL cannot serve; <see langword="null"/> when it can or is not used.</param>
    private Uri EffectiveBaseUrl(out string? problem)
    {
        problem = null;
        if (BaseUrl is not null) return BaseUrl;
        if (Environment.GetEnvironmentVariable(BaseUrlEnvironmentVariable) is not { Length: > 0 } fromEnvironment) return DefaultBaseUrl;
        if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var url))
            problem = $"{BaseUrlEnvironmentVariable} is not an absolute URL: '{fromEnvironment}'";
        else if (!RequestValidator.IsHttpUrl(url))
            problem = $"{BaseUrlEnvironmentVariable} must be an absolute http(s) URL (was '{fromEnvironment}')";
        return problem is null ? url! : DefaultBaseUrl;
    }
}
