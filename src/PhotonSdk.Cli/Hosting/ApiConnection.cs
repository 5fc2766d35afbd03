using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Hosting;

/// <summary>
/// The client a command talks through: WaveSpeed (or <c>WAVESPEED_BASE_URL</c>) when an API key is set, else an
/// emulator started in this process on a free loopback port, which lives as long as the connection.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    /// <summary>Any non-empty key opens an emulator that restricts no keys.</summary>
    private const string EmulatorApiKey = "local-emulator";

    private readonly WaveSpeedEmulator? _emulator;

    private ApiConnection(PhotonClient client, PollingOptions polling, WaveSpeedEmulator? emulator)
    {
        Client = client;
        Polling = polling;
        _emulator = emulator;
    }

    public PhotonClient Client { get; }

    /// <summary>The polling the client was made with.</summary>
    public PollingOptions Polling { get; }

    /// <summary>Whether the API is an emulator inside this process, whose URLs stop working when the tool exits.</summary>
    public bool IsInProcessEmulator => _emulator is not null;

    /// <summary>Opens the connection; without a key, starts the emulator and says so in one line on <paramref name="stderr"/>.</summary>
    public static async Task<ApiConnection> OpenAsync(CliEnvironment environment, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (environment.ApiKey is { } key)
        {
            var polling = new PollingOptions();
            var client = new PhotonClient(new PhotonClientOptions
            {
                ApiKey = key,
                BaseUrl = environment.BaseUrl is null ? PhotonClientOptions.DefaultBaseUrl : ParseBaseUrl(environment.BaseUrl),
                Polling = polling,
            });
            return new ApiConnection(client, polling, null);
        }

        if (environment.BaseUrl is { } baseUrl)
        {
            // An address without a key is never ignored: a local one (a `photon emulator` in another terminal) is used
            // with a placeholder key, since emulators take any; any other needs the key.
            var url = ParseBaseUrl(baseUrl);
            if (!url.IsLoopback)
            {
                throw new ArgumentException(
                    $"{PhotonClientOptions.BaseUrlEnvironmentVariable} is set to {url} but {PhotonClientOptions.ApiKeyEnvironmentVariable} is not. " +
                    $"Set the key, or unset {PhotonClientOptions.BaseUrlEnvironmentVariable} to use the built-in emulator.");
            }

            var polling = environment.EmulatorPolling;
            await stderr.WriteLineAsync(
                $"No {PhotonClientOptions.ApiKeyEnvironmentVariable} set: using the emulator at {url} from {PhotonClientOptions.BaseUrlEnvironmentVariable} (nothing billed).")
                .ConfigureAwait(false);
            return new ApiConnection(new PhotonClient(new PhotonClientOptions { ApiKey = EmulatorApiKey, BaseUrl = url, Polling = polling }), polling, null);
        }

        var options = new EmulatorOptions { LatencyScale = environment.EmulatorLatencyScale, StateFile = environment.EmulatorStateFile };
        environment.ConfigureEmulator?.Invoke(options);
        var emulator = await WaveSpeedEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            ExpectScaledDurations(environment.EmulatorPolling, options.LatencyScale);
            var client = new PhotonClient(new PhotonClientOptions
            {
                ApiKey = EmulatorApiKey,
                BaseUrl = emulator.BaseUrl,
                Polling = environment.EmulatorPolling,
            });
            await stderr.WriteLineAsync(
                $"No {PhotonClientOptions.ApiKeyEnvironmentVariable} set: using the local WaveSpeed emulator (placeholder images, nothing billed" +
                (environment.EmulatorStateFile is { } state ? $"; predictions kept in {state})." : ")."))
                .ConfigureAwait(false);
            return new ApiConnection(client, environment.EmulatorPolling, emulator);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The in-process emulator runs each model at about its typical duration times its latency scale, so the client
    /// expects that rather than the real service's durations, which would put its first check well after the image is
    /// ready. Derived from the catalog each time, so calling it again changes nothing.
    /// </summary>
    private static void ExpectScaledDurations(PollingOptions polling, double latencyScale)
    {
        foreach (var model in PhotonModels.All)
        {
            if (model.TypicalDuration is { } typical) polling.ExpectedDurations[model.Id] = typical * latencyScale;
        }
    }

    private static Uri ParseBaseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new ArgumentException($"{PhotonClientOptions.BaseUrlEnvironmentVariable} is not an absolute URL: '{text}'.", nameof(text));
}
