using PhotonSdk.Emulator;
using PhotonSdk.Tests.Infrastructure;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Everything one fault case runs against, all on loopback: a WireMock server (<see cref="Api"/>), and on demand a raw
/// TCP server, an emulator and a webhook receiver; a fake clock; the client, built after the case has arranged its
/// options; and the request counts the case asserts.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    public const string ApiKey = "ws-fault-matrix-key-5b0c6d2e91";

    private readonly List<Action<PhotonClientOptions>> _configure = [];
    private PhotonClient? _client;
    private string? _scratch;
    private int _busy;

    public FaultRig()
    {
        Api = StartWireMock();
        BaseUrl = new Uri(Api.Url!);
        Http = new HttpClient(Tap) { Timeout = Timeout.InfiniteTimeSpan };
        Tap.Changed += Time.Nudge;
    }

    public WatchedClock Time { get; } = new();

    public WireMockServer Api { get; }

    public RawHttpServer? Raw { get; private set; }

    public WaveSpeedEmulator? Emulator { get; private set; }

    /// <summary>Receives webhooks; its requests are not counted with the API's.</summary>
    public WebhookInbox? Hooks { get; private set; }

    public WireTap Tap { get; } = new();

    public HttpClient Http { get; }

    /// <summary>Where the client sends API requests; <see cref="Api"/> unless the case points it elsewhere.</summary>
    public Uri BaseUrl { get; set; }

    public PhotonClient Client => _client ?? throw new InvalidOperationException("The client is built after Arrange.");

    /// <summary>A directory for downloads, removed with the rig.</summary>
    public string Scratch => _scratch ??= Directory.CreateTempSubdirectory("photon-fault-").FullName;

    /// <summary>Whether the client waits on the clock alone: no request in flight and no real-time wait under way.</summary>
    public bool IsIdle => Tap.InFlight == 0 && !InRealTimeWait;

    /// <summary>Whether a real-time wait (see <see cref="Busy"/>) is under way.</summary>
    public bool InRealTimeWait => Volatile.Read(ref _busy) > 0;

    public int Posts => Count("POST");

    public int Gets => Count("GET");

    public int Puts => Count("PUT");

    /// <summary>Adds to the client's options (applied in order, after the matrix's defaults).</summary>
    public void Configure(Action<PhotonClientOptions> configure) => _configure.Add(configure);

    /// <summary>Marks a real-time wait (for a webhook delivery, say) during which the fake clock must stand still.</summary>
    public IDisposable Busy()
    {
        Interlocked.Increment(ref _busy);
        return new Done(() =>
        {
            Interlocked.Decrement(ref _busy);
            Time.Nudge();
        });
    }

    public RawHttpServer StartRaw(Func<RawRequest, RawReply> script)
    {
        Raw = new RawHttpServer(script);
        Raw.Changed += Time.Nudge;
        return Raw;
    }

    /// <summary>Starts an emulator on the rig's fake clock, with instant predictions unless configured otherwise, and points the client at it.</summary>
    public async Task<WaveSpeedEmulator> StartEmulatorAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { TimeProvider = Time, LatencyScale = 0, Seed = 1 };
        configure?.Invoke(options);
        Emulator = await WaveSpeedEmulator.StartAsync(options);
        Tap.CountRequestsTo(Emulator.BaseUrl);
        BaseUrl = Emulator.BaseUrl;
        return Emulator;
    }

    public WebhookInbox StartHooks() => Hooks = new WebhookInbox();

    internal void BuildClient()
    {
        var options = new PhotonClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            TimeProvider = Time,
            Retry = { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), MaxRetryAttempts = 3 },
        };
        foreach (var configure in _configure) configure(options);
        _client = new PhotonClient(options, Http);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        Http.Dispose();
        Api.Stop();
        Api.Dispose();
        Hooks?.Dispose();
        if (Raw is not null) await Raw.DisposeAsync();
        if (Emulator is not null) await Emulator.DisposeAsync();
        if (_scratch is not null) Directory.Delete(_scratch, recursive: true);
    }

    private int Count(string method) =>
        Api.LogEntries.Count(e => e.RequestMessage!.Method == method) + (Raw?.Count(method) ?? 0) + Tap.Counted(method);

    private sealed class Done(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private static WireMockServer StartWireMock() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
}
