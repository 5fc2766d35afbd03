using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using PhotonSdk.Emulator;

namespace PhotonSdk.Tests.AI;

/// <summary>One request the client sent, with its body.</summary>
public sealed record WireRequest(string Method, string Path, byte[] Body)
{
    /// <summary>A top-level field of the JSON body as JSON text (a string's value without quotes); a submit's body is the model input itself.</summary>
    public string? Field(string name)
    {
        using var json = JsonDocument.Parse(Body);
        if (!json.RootElement.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }
}

/// <summary>
/// A client of an in-process emulator (loopback only, instant predictions, quick polling) whose every request is
/// recorded with its body, so that a test can count what was submitted, uploaded and billed.
/// </summary>
public sealed class EmulatorRig : IAsyncDisposable
{
    private const string ModelPathPrefix = "/api/v3/luma/";

    private readonly Recorder _recorder;
    private readonly HttpClient _plain = new();

    private EmulatorRig(WaveSpeedEmulator emulator, EmulatorImageFormat format)
    {
        Emulator = emulator;
        Format = format;
        _recorder = new Recorder(new SocketsHttpHandler { UseProxy = false });
        Client = new PhotonClient(
            new PhotonClientOptions
            {
                ApiKey = "test-key",
                BaseUrl = emulator.BaseUrl,
                Polling = new PollingOptions { FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30), UseTypicalDurations = false },
            },
            new HttpClient(_recorder));
    }

    public WaveSpeedEmulator Emulator { get; }

    public EmulatorImageFormat Format { get; }

    public PhotonClient Client { get; }

    /// <summary>Every request the client sent, in order.</summary>
    public IReadOnlyList<WireRequest> Requests => [.. _recorder.Requests];

    /// <summary>The predictions submitted: POSTs to a model's endpoint.</summary>
    public IReadOnlyList<WireRequest> Submits => [.. Requests.Where(r => r.Method == "POST" && r.Path.StartsWith(ModelPathPrefix, StringComparison.Ordinal))];

    public static async Task<EmulatorRig> StartAsync(EmulatorImageFormat format = EmulatorImageFormat.Png)
    {
        var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0, ImageFormat = format });
        return new EmulatorRig(emulator, format);
    }

    /// <summary>The model a submit went to, e.g. <c>luma/photon-flash</c>.</summary>
    public static string ModelOf(WireRequest submit) => submit.Path["/api/v3/".Length..];

    /// <summary>The prediction id the generator put on an output.</summary>
    public static string PredictionIdOf(AIContent output) =>
        Assert.IsType<string>(output.AdditionalProperties![PhotonImageGeneratorExtensions.PredictionIdProperty]);

    /// <summary>The image the emulator made for a prediction, fetched past the client (not recorded).</summary>
    public Task<byte[]> OutputBytesAsync(string predictionId) =>
        _plain.GetByteArrayAsync(new Uri(Emulator.BaseUrl, $"outputs/{predictionId}/0.{(Format == EmulatorImageFormat.Jpeg ? "jpg" : "png")}"));

    /// <summary>Any URL's bytes, fetched past the client (not recorded).</summary>
    public Task<byte[]> BytesAtAsync(Uri url) => _plain.GetByteArrayAsync(url);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _plain.Dispose();
        await Emulator.DisposeAsync();
    }

    private sealed class Recorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<WireRequest> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Reading the body buffers it, and the buffer is what is then sent.
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Requests.Enqueue(new WireRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
