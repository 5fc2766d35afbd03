using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>A webhook endpoint on 127.0.0.1 that answers 204 and keeps every delivery, raw, for a verifier to check.</summary>
public sealed class WebhookInbox : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
    private int _taken;

    public WebhookInbox()
    {
        _server.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        Url = new Uri(_server.Url + "/hook");
    }

    public Uri Url { get; }

    public int Count => _server.LogEntries.Count;

    /// <summary>The next delivery not yet taken; fails after <paramref name="timeout"/> (10 s by default) of real time.</summary>
    public async Task<WebhookDelivery> NextAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Count <= _taken)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No webhook arrived.");
            await Task.Delay(5);
        }

        var request = _server.LogEntries[_taken++].RequestMessage!;
        string? Header(string name) => request.Headers!.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return new WebhookDelivery(Header(WebhookVerifier.IdHeader), Header(WebhookVerifier.TimestampHeader), Header(WebhookVerifier.SignatureHeader), request.BodyAsBytes ?? []);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
