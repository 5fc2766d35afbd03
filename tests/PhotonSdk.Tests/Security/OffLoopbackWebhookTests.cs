using PhotonSdk.Emulator;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Security;

/// <summary>
/// The emulator calls back to this machine only: a webhook aimed anywhere else (a public host, a private network, a
/// cloud metadata address, a name that merely contains a loopback address) is refused at the submit, through the SDK,
/// as an invalid request; no prediction is created, nothing is charged and nothing is delivered.
/// </summary>
public sealed class OffLoopbackWebhookTests : IAsyncLifetime
{
    private WaveSpeedEmulator _emulator = null!;
    private PhotonClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });
        _client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = _emulator.BaseUrl });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("https://hooks.example.com/wavespeed")]
    [InlineData("http://10.0.0.7:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[2001:db8::1]/hook")]
    [InlineData("http://127.0.0.1.nip.io/hook")]
    public async Task A_target_off_loopback_is_refused_and_nothing_is_created(string target)
    {
        var balance = await _client.GetBalanceAsync();

        var error = await Assert.ThrowsAsync<PhotonInvalidRequestException>(() => _client.GenerateAsync("A lighthouse", new GenerationOptions { Webhook = new Uri(target) }));

        Assert.Equal(400, error.StatusCode);
        Assert.Null(error.PredictionId);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
        Assert.Empty((await _client.GetHistoryAsync()).Items);
        Assert.Equal(balance, await _client.GetBalanceAsync());
    }

    [Fact]
    public async Task A_loopback_target_is_accepted()
    {
        using var inbox = new WebhookInbox();

        var handle = await _client.SubmitAsync("A lighthouse", new GenerationOptions { Webhook = inbox.Url });

        Assert.Equal(handle.Id, (await inbox.NextAsync()).Id);
    }
}
