using PhotonSdk.Emulator;

namespace PhotonSdk.AspNetCore.Tests.Support;

/// <summary>
/// The emulator as the sender of real signed deliveries: a prediction submitted through the SDK with
/// <see cref="GenerationOptions.Webhook"/> finishes at once, and the emulator posts it, signed with
/// <see cref="Secret"/> at the time of its own clock.
/// </summary>
public sealed class EmulatorSender : IAsyncDisposable
{
    public const string Secret = "whsec_aspnetcore-tests-secret";

    private EmulatorSender(WaveSpeedEmulator emulator)
    {
        Emulator = emulator;
        Client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = emulator.BaseUrl });
    }

    public WaveSpeedEmulator Emulator { get; }

    public PhotonClient Client { get; }

    public static async Task<EmulatorSender> StartAsync(TimeProvider clock, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { LatencyScale = 0, Seed = 7, WebhookSecret = Secret, TimeProvider = clock };
        configure?.Invoke(options);
        return new EmulatorSender(await WaveSpeedEmulator.StartAsync(options));
    }

    /// <summary>Submits a prediction whose completion the emulator posts to <paramref name="webhook"/>; returns its id.</summary>
    public async Task<string> SubmitAsync(Uri webhook, string prompt = "A lighthouse at dawn") =>
        (await Client.SubmitAsync(prompt, new GenerationOptions { Webhook = webhook })).Id;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
