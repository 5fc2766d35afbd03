namespace PhotonSdk.Tests.Polling;

/// <summary>
/// A client over <see cref="TimedPredictionHandler"/> on a fake clock: each prediction takes the time the test gives
/// its index and model, and every call is driven to its end, the clock moving only to the next timer while the client
/// waits on a delay.
/// </summary>
public sealed class TimedClientRig : IDisposable
{
    private readonly HttpClient _http;

    public TimedClientRig(Func<int, string, TimeSpan> durationOf, Action<PollingOptions>? configure = null, TimeSpan? submitTransit = null)
    {
        Api = new TimedPredictionHandler(Time, durationOf);
        HttpMessageHandler handler = submitTransit is { } transit ? new SlowSubmits(Time, transit) { InnerHandler = Api } : Api;
        _http = new HttpClient(handler);
        var options = new PhotonClientOptions { ApiKey = "ws-test-key", BaseUrl = new Uri("https://api.wavespeed.ai"), TimeProvider = Time };
        configure?.Invoke(options.Polling);
        Client = new PhotonClient(options, _http);
    }

    public WatchedClock Time { get; } = new();

    public TimedPredictionHandler Api { get; }

    public PhotonClient Client { get; }

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    public Task GenerateAsync(string model) => Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { Model = model }));

    /// <summary>Runs a call to its end, the fake clock moving to the next timer whenever the client waits on a delay.</summary>
    /// <remarks>The handler answers at once, inside the call: the client is never busy while a delay is pending.</remarks>
    public async Task Drive(Task task)
    {
        await Time.RunAsync(task, Time.AdvanceToNextDelay);
        await task;
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }

    /// <summary>A submit that takes a while to reach the server: a slow connection, or a client still compiling its first request.</summary>
    private sealed class SlowSubmits(TimeProvider time, TimeSpan transit) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post) await Task.Delay(transit, time, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
