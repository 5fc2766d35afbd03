using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhotonSdk.AspNetCore.Tests.Support;

/// <summary>
/// An application on a real Kestrel at 127.0.0.1 with <c>MapPhotonWebhooks</c> at <see cref="WebhookUrl"/>, as a
/// user's would be. A tap in front records every delivery the emulator makes (raw headers and body, and the answer),
/// so a test can send the very same bytes again; <see cref="CaptureUrl"/> only records, which holds a real signed
/// delivery back without handling it.
/// </summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    public const string WebhookPath = "/photon/webhooks";
    private const string CapturePath = "/capture";
    private const string ResentHeader = "x-test-resent";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly Channel<RecordedDelivery> _recorded = Channel.CreateUnbounded<RecordedDelivery>();

    private ReceiverHost(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where deliveries are handled: the receiver's route, with a query string a handler can correlate by.</summary>
    public Uri WebhookUrl => new(BaseUrl, $"{WebhookPath}?job=42");

    /// <summary>Where deliveries are only recorded (answered 202).</summary>
    public Uri CaptureUrl => new(BaseUrl, CapturePath);

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an application whose services <paramref name="configureServices"/> sets up and whose endpoint <paramref name="map"/> maps.</summary>
    public static async Task<ReceiverHost> StartAppAsync(TimeProvider clock, Action<IServiceCollection> configureServices, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(clock);
        configureServices(builder.Services);
        var app = builder.Build();
        var host = new ReceiverHost(app);
        app.Use(host.TapAsync);
        app.MapPost(CapturePath, context =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });
        map(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        host.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    /// <summary>
    /// Starts an application with <c>AddPhotonWebhooks(configure)</c> and <c>MapPhotonWebhooks(WebhookPath, handler)</c>.
    /// </summary>
    public static Task<ReceiverHost> StartAsync(TimeProvider clock, Func<PhotonWebhook, CancellationToken, Task> handler, Action<PhotonWebhookOptions> configure) =>
        StartAppAsync(clock, services => services.AddPhotonWebhooks(configure), app => app.MapPhotonWebhooks(WebhookPath, handler));

    /// <summary>The next delivery the emulator made to this host; fails after a guard of 10 s of real time.</summary>
    public async Task<RecordedDelivery> NextDeliveryAsync() =>
        await _recorded.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Sends a recorded delivery again to the receiver: the same headers and body unless told otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        RecordedDelivery delivery,
        byte[]? body = null,
        string? contentType = "application/json",
        bool chunked = false,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        body ??= delivery.Body;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl)
        {
            // A stream of unknown length goes out chunked, with no Content-Length to refuse it by.
            Content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body),
        };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            var value = headers is not null && headers.TryGetValue(name, out var replaced) ? replaced : delivery.Headers[name];
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Add(ResentHeader, "1");
        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task TapAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers.ContainsKey(ResentHeader))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var copy = new MemoryStream();
        await context.Request.Body.CopyToAsync(copy);
        context.Request.Body.Position = 0;
        await next(context);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await _recorded.Writer.WriteAsync(new RecordedDelivery(context.Request.Path, headers, copy.ToArray(), context.Response.StatusCode));
    }

    /// <summary>A readable stream that does not tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
