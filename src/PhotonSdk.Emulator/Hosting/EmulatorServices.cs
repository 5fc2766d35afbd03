using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PhotonSdk.Emulator.Billing;
using PhotonSdk.Emulator.Catalog;
using PhotonSdk.Emulator.Faults;
using PhotonSdk.Emulator.Persistence;
using PhotonSdk.Emulator.Predictions;
using PhotonSdk.Emulator.RateLimiting;
using PhotonSdk.Emulator.Rendering;
using PhotonSdk.Emulator.Uploads;
using PhotonSdk.Emulator.Webhooks;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>
/// The state and collaborators of one running emulator, built once from its options. Options are copied here at
/// start, so changing an <see cref="EmulatorOptions"/> afterwards does not change a running emulator.
/// </summary>
internal sealed class EmulatorServices : IAsyncDisposable
{
    public EmulatorServices(EmulatorOptions options, ILoggerFactory loggers)
    {
        Time = options.TimeProvider;
        Catalog = ModelCatalog.LoadEmbedded();
        Predictions = new PredictionStore();
        Ids = new PredictionIdGenerator(options.Seed);
        Latency = new LatencyProfile(
            options.ModelLatencies, options.LatencyScale, options.LatencyJitter, options.Seed ?? BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(sizeof(long))));
        SyncWindow = Latency.Scale(options.SyncModeTimeout);
        DefaultRenderSeed = options.Seed ?? 0;
        var limits = TierLimits.For(options.RateLimitTier);
        Limits = limits;
        RateLimiter = limits is null ? null : new SubmitRateLimiter(limits.ImagesPerMinute);
        Slots = limits is null ? null : new ConcurrencySlots(limits.MaxConcurrency);
        Ledger = new BalanceLedger(options.InitialBalance);
        Renders = new RenderCache(options.ImageFormat);
        Payloads = new PredictionPayloads(Renders);
        Uploads = new UploadStore();
        MaxUploadBytes = options.MaxUploadBytes;
        Faults = new FaultInjector(options.Faults, options.Seed);
        ApiKeys = options.ApiKeys.ToFrozenSet(StringComparer.Ordinal);
        Signer = new WebhookSigner(options.WebhookSecret ?? WebhookSigner.NewSecret());
        Webhooks = new WebhookDispatcher(Time, Signer, WebhookBodyOf, loggers.CreateLogger("PhotonSdk.Emulator.Webhooks"), Faults);
        RequestObserver = options.OnRequest;
        if (options.StateFile is { } stateFile)
        {
            State = EmulatorStateFile.Open(stateFile, Catalog, Time.GetUtcNow(), out var kept, out var deleted, out var chargedBefore);
            if (chargedBefore > 0) Ledger.ChargeAt(DateTimeOffset.MinValue, chargedBefore);
            Predictions.Load(kept, kept.Concat(deleted).Select(p => p.Ordinal).DefaultIfEmpty(0).Max());
            // A deleted prediction was billed all the same.
            foreach (var billed in kept.Concat(deleted).Where(p => p.FailureCode == TaskCodes.Ok)) Ledger.ChargeAt(billed.FinishesAt, billed.Model.PriceUsd);
        }
    }

    /// <summary>Where predictions are kept between runs, when <see cref="EmulatorOptions.StateFile"/> is set.</summary>
    public EmulatorStateFile? State { get; }

    /// <summary>Who is told of each API request (<see cref="EmulatorOptions.OnRequest"/>).</summary>
    public Action<EmulatorRequest>? RequestObserver { get; }

    public TimeProvider Time { get; }

    public ModelCatalog Catalog { get; }

    public PredictionStore Predictions { get; }

    public PredictionIdGenerator Ids { get; }

    public LatencyProfile Latency { get; }

    /// <summary>How long a sync-mode request is held, already scaled.</summary>
    public TimeSpan SyncWindow { get; }

    /// <summary>The render seed of a prediction whose input gives none.</summary>
    public long DefaultRenderSeed { get; }

    public TierLimits? Limits { get; }

    public SubmitRateLimiter? RateLimiter { get; }

    public ConcurrencySlots? Slots { get; }

    public BalanceLedger Ledger { get; }

    public RenderCache Renders { get; }

    public PredictionPayloads Payloads { get; }

    public UploadStore Uploads { get; }

    public long MaxUploadBytes { get; }

    public FaultInjector Faults { get; }

    /// <summary>The accepted API keys; empty accepts any non-empty key.</summary>
    public FrozenSet<string> ApiKeys { get; }

    public WebhookSigner Signer { get; }

    public WebhookDispatcher Webhooks { get; }

    public async ValueTask DisposeAsync()
    {
        await Webhooks.DisposeAsync().ConfigureAwait(false);
        Renders.Dispose();
        State?.Dispose();
    }

    private byte[]? WebhookBodyOf(string predictionId) =>
        Predictions.TryGet(predictionId, Time.GetUtcNow(), out var prediction)
            ? JsonSerializer.SerializeToUtf8Bytes(Payloads.ForWebhook(prediction, Time.GetUtcNow()), EmulatorJsonContext.Wire.PredictionPayload)
            : null;
}
