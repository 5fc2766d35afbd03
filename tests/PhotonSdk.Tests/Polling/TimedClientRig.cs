namespace PhotonSdk.Tests.Polling;

/// <summary>
/// A client over <see cref="TimedPredictionHandler"/> on a fake clock: each prediction takes the time the test gives
/// its index and model, and every call is driven to its end, the clock moving only to the next timer while the client
/// waits on a delay.
/// </summary>
public sealed class TimedClientRig : IDisposable
{
    private readonly HttpClient _http;

    public TimedClientRig(
        Func<int, string, TimeSpan> durationOf, Action<PollingOptions>? configure = null, TimeSpan? submitTransit = null, TimeSpan? submitAnswerReading = null)
    {
        Api = new TimedPredictionHandler(Time, durationOf);
        HttpMessageHandler handler = Api;
        if (submitAnswerReading is { } reading) handler = new SlowSubmitAnswers(Time, reading) { InnerHandler = handler };
        if (submitTransit is { } transit) handler = new SlowSubmits(Time, transit) { InnerHandler = handler };
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

    /// <summary>
    /// A submit's answer that has arrived but takes the client a while to read: a fresh process compiling the code that
    /// reads its first answer.
    /// </summary>
    private sealed class SlowSubmitAnswers(TimeProvider time, TimeSpan reading) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post) response.Content = new SlowContent(response.Content, time, reading);
            return response;
        }
    }

    private sealed class SlowContent(HttpContent inner, TimeProvider time, TimeSpan reading) : HttpContent
    {
        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            await Task.Delay(reading, time);
            return await inner.ReadAsStreamAsync();
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
