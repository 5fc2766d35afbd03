using System.Collections.Concurrent;
using PhotonSdk.Batch;
using PhotonSdk.Emulator;

namespace PhotonSdk.Testing.Batch;

/// <summary>
/// An in-process emulator (loopback only) and a client on one fake clock, with every request counted: a batch runs
/// against it as against the real service, and the clock moves only while the batch waits on it.
/// </summary>
public sealed class EmulatedBatch : IAsyncDisposable
{
    private readonly HttpClient _http;

    private EmulatedBatch(WatchedClock clock, CountingHandler handler, WaveSpeedEmulator emulator, PhotonClient client, HttpClient http)
    {
        Clock = clock;
        Http = handler;
        Emulator = emulator;
        Client = client;
        _http = http;
    }

    public WatchedClock Clock { get; }

    public CountingHandler Http { get; }

    public WaveSpeedEmulator Emulator { get; }

    public PhotonClient Client { get; }

    /// <summary>Starts an emulator and a client; both options can be adjusted before they start.</summary>
    public static async Task<EmulatedBatch> StartAsync(Action<EmulatorOptions>? emulator = null, Action<PhotonClientOptions>? client = null)
    {
        var clock = new WatchedClock();
        var emulatorOptions = new EmulatorOptions { TimeProvider = clock, Seed = 7 };
        emulator?.Invoke(emulatorOptions);
        var server = await WaveSpeedEmulator.StartAsync(emulatorOptions);
        var handler = new CountingHandler { Clock = clock };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var clientOptions = new PhotonClientOptions { ApiKey = "test-key", BaseUrl = server.BaseUrl, TimeProvider = clock };
        client?.Invoke(clientOptions);
        return new EmulatedBatch(clock, handler, server, new PhotonClient(clientOptions, http), http);
    }

    /// <summary>Items keyed <c>item-01</c>, <c>item-02</c>… with distinct prompts.</summary>
    public static IReadOnlyList<PhotonBatchItem> Items(int count, string prompt = "A red fox in the snow") =>
        [.. Enumerable.Range(1, count).Select(i => new PhotonBatchItem($"item-{i:00}", $"{prompt}, study {i}"))];

    /// <summary>Batch options on this rig's clock.</summary>
    public PhotonBatchOptions Options(IPhotonBatchJournal? journal = null) => new() { Journal = journal, TimeProvider = Clock };

    /// <summary>Opens a batch (which may read the history: the clock is driven meanwhile).</summary>
    public Task<PhotonBatch> OpenAsync(IEnumerable<PhotonBatchItem> items, PhotonBatchOptions options) =>
        Clock.DriveAsync(PhotonBatch.OpenAsync(Client, items, options), Http);

    /// <summary>
    /// Runs a batch to its end, driving the clock, and returns its results and how it ended; with
    /// <paramref name="cancelWhen"/>, cancels the run the first time it holds while no request is in flight.
    /// </summary>
    public async Task<BatchRunOutcome> RunAsync(PhotonBatch batch, Func<bool>? cancelWhen = null)
    {
        using var cancel = new CancellationTokenSource();
        var results = new ConcurrentQueue<PhotonBatchResult>();
        var started = Clock.GetUtcNow();
        var run = CollectAsync(batch, results, cancel.Token);
        if (cancelWhen is not null)
        {
            await Clock.DriveAsync(run, Http, () => run.IsCompleted || cancelWhen());
            await cancel.CancelAsync();
        }

        await Clock.DriveAsync((Task)run, Http);
        Exception? error = null;
        try
        {
            await run;
        }
        catch (Exception e)
        {
            error = e;
        }

        return new BatchRunOutcome([.. results], error, Clock.GetUtcNow() - started);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Emulator.DisposeAsync();
    }

    private static async Task CollectAsync(PhotonBatch batch, ConcurrentQueue<PhotonBatchResult> results, CancellationToken cancellationToken)
    {
        await foreach (var result in batch.RunAsync(cancellationToken)) results.Enqueue(result);
    }
}

/// <summary>What one run of a batch yielded, how it ended, and how long it took on the fake clock.</summary>
public sealed record BatchRunOutcome(IReadOnlyList<PhotonBatchResult> Results, Exception? Error, TimeSpan Elapsed)
{
    public IReadOnlyList<PhotonBatchResult> With(PhotonBatchOutcome outcome) => [.. Results.Where(r => r.Outcome == outcome)];

    public PhotonBatchResult this[string key] => Results.Single(r => r.Key == key);
}

/// <summary>Counts requests in flight (for the clock driver) and what the submits were answered.</summary>
public sealed class CountingHandler : InFlightHandler
{
    private readonly ConcurrentQueue<int> _submitStatuses = new();
    private readonly ConcurrentQueue<string> _log = new();
    private int _historyReads;

    /// <summary>The HTTP status of every submit answered, in order.</summary>
    public IReadOnlyList<int> SubmitStatuses => [.. _submitStatuses];

    public int Submits => _submitStatuses.Count;

    /// <summary>The clock whose time the log notes.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Every submit as "seconds since the clock's default start: status", for failure messages.</summary>
    public string SubmitLog => string.Join(", ", _log);

    public int RateLimitedSubmits => SubmitStatuses.Count(s => s == 429);

    public int HistoryReads => Volatile.Read(ref _historyReads);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var submit = request.Method == HttpMethod.Post && path.StartsWith("/api/v3/luma/", StringComparison.Ordinal);
        if (request.Method == HttpMethod.Post && path == "/api/v3/predictions") Interlocked.Increment(ref _historyReads);
        var response = await base.SendAsync(request, cancellationToken);
        if (submit)
        {
            _submitStatuses.Enqueue((int)response.StatusCode);
            var at = Clock is null ? "" : $"{(Clock.GetUtcNow() - WatchedClock.DefaultStart).TotalSeconds:0.###}s:";
            _log.Enqueue($"{at}{(int)response.StatusCode}");
        }
        return response;
    }
}
