using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator;

/// <summary>
/// A local emulator of WaveSpeedAI's v3 predictions API, serving every model of the spec over HTTP on this machine.
/// Start one with <see cref="StartAsync"/>, point a client at <see cref="ApiBaseUrl"/>, and dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });
/// using var http = new HttpClient { BaseAddress = emulator.ApiBaseUrl };
/// http.DefaultRequestHeaders.Authorization = new("Bearer", "any-key");
/// var response = await http.PostAsJsonAsync("luma/photon-flash", new { prompt = "a red fox" });
/// </code>
/// </example>
public sealed class WaveSpeedEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorServices _services;
    private int _disposed;

    private WaveSpeedEmulator(WebApplication app, EmulatorServices services, Uri baseUrl)
    {
        _app = app;
        _services = services;
        BaseUrl = baseUrl;
        ApiBaseUrl = new Uri(baseUrl, "api/v3/");
    }

    /// <summary>The root of the emulator, e.g. <c>http://127.0.0.1:41234/</c>; it always ends in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The root of the API, <see cref="BaseUrl"/> plus <c>api/v3/</c>, as a client's base address.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>The secret (<c>whsec_...</c>) that signs this emulator's webhooks, as <c>GET /api/v3/webhook/secret</c> returns it.</summary>
    public string WebhookSecret => _services.Signer.Secret;

    /// <summary>
    /// When a prediction reaches its terminal status (completed or failed), as fixed at its submit. Not part of the
    /// emulated API: a harness uses it to measure how soon a client notices completion.
    /// </summary>
    /// <param name="predictionId">The id a submit returned.</param>
    /// <returns>The time on the emulator's clock, or <see langword="null"/> for an id it does not hold.</returns>
    public DateTimeOffset? FinishTimeOf(string predictionId) =>
        _services.Predictions.TryGet(predictionId, _services.Time.GetUtcNow(), out var prediction) ? prediction.FinishesAt : null;

    /// <summary>
    /// How many predictions this emulator has created (and so billed) since it started, deleted ones included. Not part
    /// of the emulated API: a harness uses it to prove that nothing was submitted twice, or at all.
    /// </summary>
    public long PredictionsCreated => _services.Predictions.Created;

    /// <summary>
    /// How many webhook deliveries <see cref="EmulatorFaultOptions.WebhookDropRate"/> dropped (never sent) since the
    /// emulator started. Not part of the emulated API: a harness uses it to report what its receiver had to make up for.
    /// </summary>
    public long WebhooksDropped => _services.Webhooks.Dropped;

    /// <summary>
    /// How many webhook deliveries <see cref="EmulatorFaultOptions.WebhookDuplicateRate"/> sent twice since the emulator
    /// started. Not part of the emulated API.
    /// </summary>
    public long WebhooksDuplicated => _services.Webhooks.Duplicated;

    /// <summary>Starts an emulator and returns once it accepts requests.</summary>
    /// <param name="options">How it behaves; null takes every default (a free loopback port, real-time latency).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static Task<WaveSpeedEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartCoreAsync(options ?? new EmulatorOptions(), consoleHost: false, cancellationToken);

    /// <summary>Starts an emulator; as a program it logs to the console and stops on Ctrl+C.</summary>
    internal static async Task<WaveSpeedEmulator> StartCoreAsync(EmulatorOptions options, bool consoleHost, CancellationToken cancellationToken)
    {
        options.Validate();
        var app = EmulatorApplication.Build(options, consoleHost, out var services);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server reported no address.");
            var baseUrl = BaseUrlOf(address);
            services.Predictions.Rebase(baseUrl.GetLeftPart(UriPartial.Authority));
            return new WaveSpeedEmulator(app, services, baseUrl);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Completes when the application stops, e.g. on Ctrl+C when run as a program.</summary>
    internal Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the emulator and releases its port. Predictions and uploads are lost, unless <see cref="EmulatorOptions.StateFile"/> keeps the predictions.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The base URL of a bound address; a wildcard host becomes the loopback address that reaches it.</summary>
    private static Uri BaseUrlOf(string address)
    {
        var builder = new UriBuilder(address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal));
        builder.Host = builder.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => builder.Host,
        };
        builder.Path = "/";
        return builder.Uri;
    }
}
