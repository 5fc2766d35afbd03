namespace PhotonSdk;

/// <summary>Settings of a <see cref="PhotonClient"/>. Every property has a default; only the API key is needed.</summary>
public sealed class PhotonClientOptions
{
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
    public Uri? BaseUrl { get; set; }

    /// <summary>Model choice and fallback.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>How the SDK waits for predictions.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>How HTTP requests are retried and bounded.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The longest prompt accepted, in characters. Default 10,000.</summary>
    public int MaxPromptLength { get; set; } = 10_000;

    /// <summary>The largest image the download helpers read, in bytes. Default 64 MiB.</summary>
    public long MaxDownloadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest file <see cref="PhotonClient.UploadAsync"/> sends, in bytes. Default 300 MB, above which WaveSpeed asks for URLs instead.</summary>
    public long MaxUploadBytes { get; set; } = 300L * 1000 * 1000;

    /// <summary>
    /// The name sent as <c>X-Client-Name</c> (default <c>photon-sdk-dotnet</c>); the <c>WAVESPEED_CLIENT_NAME</c>
    /// environment variable overrides it.
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>Where the SDK logs (submits, completions, retries, failures). Default: no logging.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>What traces and logs may contain.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>The clock for polling, backoff and timeouts. Default <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
