using PhotonSdk.Emulator;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Security;

/// <summary>
/// The emulator signs its webhooks as the API documents and the verifier checks them as the API documents; the two are
/// written apart (the emulator never references the SDK), so a delivery that passes here proves both read the same
/// rules. Real clocks throughout: the delivery's timestamp is the emulator's now, the verifier's is the test's.
/// </summary>
public sealed class EmulatorWebhookSignatureTests : IAsyncLifetime
{
    private const string ModerationWord = "forbidden";

    private readonly WebhookInbox _inbox = new();
    private WaveSpeedEmulator _emulator = null!;
    private PhotonClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { LatencyScale = 0, Seed = 5 };
        options.Faults.ModerationWords.Add(ModerationWord);
        _emulator = await WaveSpeedEmulator.StartAsync(options);
        _client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = _emulator.BaseUrl });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _inbox.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Deliveries_of_completed_and_failed_predictions_pass_the_verifier()
    {
        var completed = await _client.SubmitAsync("A lighthouse at dawn", new GenerationOptions { Webhook = _inbox.Url });
        var first = await _inbox.NextAsync();
        var moderated = await _client.SubmitAsync($"A {ModerationWord} lighthouse", new GenerationOptions { Webhook = _inbox.Url });
        var second = await _inbox.NextAsync();
        var verifier = new WebhookVerifier(_emulator.WebhookSecret);

        var success = first.VerifyWith(verifier);
        var failure = second.VerifyWith(verifier);

        Assert.StartsWith("v3,", first.Signature, StringComparison.Ordinal);
        Assert.Equal(completed.Id, first.Id);
        Assert.Equal(completed.Id, success.Id);
        Assert.Equal(PredictionStatus.Completed, success.Status);
        Assert.StartsWith(_emulator.BaseUrl.ToString(), Assert.Single(success.Outputs), StringComparison.Ordinal);
        Assert.Equal(moderated.Id, failure.Id);
        Assert.Equal(PredictionStatus.Failed, failure.Status);
    }

    [Fact]
    public async Task The_secret_the_api_hands_out_verifies_and_another_emulators_does_not()
    {
        await _client.SubmitAsync("A lighthouse at dawn", new GenerationOptions { Webhook = _inbox.Url });
        var delivery = await _inbox.NextAsync();
        // Through the generated client that PhotonClient.Rest exposes, as the README's webhook section does.
        var secret = (await _client.Rest.GetWebhookSecretAsync(CancellationToken.None)).Data!.Secret!;
        await using var other = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

        var verified = delivery.VerifyWith(new WebhookVerifier(secret));
        var error = Assert.Throws<PhotonWebhookException>(() => delivery.VerifyWith(new WebhookVerifier(other.WebhookSecret)));

        Assert.Equal(_emulator.WebhookSecret, secret);
        Assert.Equal(delivery.Id, verified.Id);
        Assert.NotEqual(_emulator.WebhookSecret, other.WebhookSecret);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }
}
