using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Webhooks;

public sealed class WebhookTests
{
    [Fact]
    public async Task Secret_endpoint_returns_the_configured_secret()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.WebhookSecret = "whsec_test-secret");

        using var response = await session.Api.GetAsync("webhook/secret");
        var data = (await Json.ReadObjectAsync(response))["data"];

        Assert.Equal("whsec_test-secret", data.StringAt("secret"));
        Assert.Equal("whsec_test-secret", session.Emulator.WebhookSecret);
    }

    [Fact]
    public async Task Default_secret_is_random_and_prefixed()
    {
        await using var one = await EmulatorSession.StartAsync();
        await using var two = await EmulatorSession.StartAsync();

        Assert.StartsWith("whsec_", one.Emulator.WebhookSecret, StringComparison.Ordinal);
        Assert.NotEqual(one.Emulator.WebhookSecret, two.Emulator.WebhookSecret);
    }

    [Fact]
    public async Task Completion_is_posted_as_a_bare_signed_prediction()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync();
        using var secretResponse = await session.Api.GetAsync("webhook/secret");
        var secret = (await Json.ReadObjectAsync(secretResponse))["data"].StringAt("secret");

        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "a kite" }, $"?webhook={Uri.EscapeDataString(receiver.Url.AbsoluteUri)}")).StringAt("id");
        var webhook = await receiver.NextAsync();
        var payload = JsonNode.Parse(webhook.Body)!;

        Assert.Equal(id, webhook.Headers["webhook-id"]);
        Assert.Equal(ExpectedSignature(secret, webhook.Headers["webhook-id"], webhook.Headers["webhook-timestamp"], webhook.Body), webhook.Headers["webhook-signature"]);
        Assert.Equal(id, payload.StringAt("id"));
        Assert.Null(payload["data"]);
        Assert.Equal("completed", payload.StringAt("status"));
        Assert.Equal("luma/photon-flash", payload.StringAt("model"));
        Assert.Equal("a kite", payload["input"].StringAt("prompt"));
        Assert.StartsWith(session.Emulator.BaseUrl.AbsoluteUri, payload["outputs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_is_sent_when_the_prediction_finishes_on_the_emulator_clock()
    {
        var clock = new WatchedClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });

        await session.SubmitAsync("luma/photon", new { prompt = "a kite" }, $"?webhook={Uri.EscapeDataString(receiver.Url.AbsoluteUri)}");
        await clock.WaitForDelayAsync();
        clock.Advance(TimeSpan.FromSeconds(8));
        var webhook = await receiver.NextAsync();

        Assert.Equal("completed", JsonNode.Parse(webhook.Body).StringAt("status"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), webhook.Headers["webhook-timestamp"]);
    }

    [Fact]
    public async Task Failure_is_posted_too()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync(o => o.Faults.ModerationWords.Add("forbidden"));

        await session.SubmitAsync("luma/photon-flash", new { prompt = "something forbidden" }, $"?webhook={Uri.EscapeDataString(receiver.Url.AbsoluteUri)}");
        var payload = JsonNode.Parse((await receiver.NextAsync()).Body)!;

        Assert.Equal("failed", payload.StringAt("status"));
        Assert.Equal(1200, payload.NumberAt("code"));
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://192.168.1.10:8080/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("not-a-url")]
    public async Task Webhooks_to_anything_but_loopback_are_refused_at_submit(string target)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync($"luma/photon-flash?webhook={Uri.EscapeDataString(target)}", Json.Body(new { prompt = "a kite" }));
        using var history = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 10 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await Json.ReadObjectAsync(history))["data"].NumberAt("total"));
    }

    [Theory]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://127.0.0.2:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    public async Task Loopback_webhooks_are_accepted(string target)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync($"luma/photon-flash?webhook={Uri.EscapeDataString(target)}", Json.Body(new { prompt = "a kite" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Written from the documentation, independently of the emulator: HMAC-SHA256 over "{id}.{timestamp}.{body}",
    // keyed with the UTF-8 secret minus "whsec_", sent as "v3,<hex>".
    private static string ExpectedSignature(string secret, string id, string timestamp, byte[] body)
    {
        var key = Encoding.UTF8.GetBytes(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v3," + Convert.ToHexString(HMACSHA256.HashData(key, signed)).ToLowerInvariant();
    }
}
