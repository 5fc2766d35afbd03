using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PhotonSdk;
using PhotonSdk.Emulator;
using PhotonSdk.Samples.Snippets;

// Runs every README snippet against a local emulator (offline, nothing billed).
await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.1, Faults = { ModerationWords = { "forbidden" } } });
using var client = new PhotonClient(new PhotonClientOptions
{
    ApiKey = "any-key",
    BaseUrl = emulator.BaseUrl,
    Polling = { FirstDelay = TimeSpan.FromMilliseconds(200), UseTypicalDurations = false },
});

Console.WriteLine($"emulator in a test:     {await Snippets.EmulatorInATestAsync()}");
Console.WriteLine($"submit now, wait later: {await Snippets.SubmitNowWaitLaterAsync(client, CancellationToken.None)}");
Console.WriteLine($"bytes instead of URLs:  {await Snippets.BytesInsteadOfUrlsAsync(client)}");
Console.WriteLine($"modify an upload:       {await Snippets.ModifyAnUploadedImageAsync(client)}");
Console.WriteLine($"errors:                 {await Snippets.HandleErrorsAsync(client, "A forbidden thing")}");
Console.WriteLine($"IImageGenerator:        {await Snippets.ImageGeneratorAsync(client)}");

var body = Encoding.UTF8.GetBytes("""{"id":"abc","status":"completed"}""");
var signer = new WebhookVerifier(emulator.WebhookSecret);
var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
var verifier = await Snippets.WebhookVerifierAsync(client);
Console.WriteLine($"webhook (genuine):      {Snippets.VerifyWebhook(verifier, "abc", timestamp, signer.Sign("abc", timestamp, body), body)}");
Console.WriteLine($"webhook (forged):       {Snippets.VerifyWebhook(verifier, "abc", timestamp, "v3,00", body)}");

var receiverBuilder = WebApplication.CreateSlimBuilder();
receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
receiverBuilder.Logging.ClearProviders();
receiverBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Photon:ApiKey"] = "any-key", ["Photon:BaseUrl"] = emulator.BaseUrl.ToString() });
var jobs = new WebhookReceiverSnippets.Jobs();
await using var receiver = WebhookReceiverSnippets.WebhookReceiver(receiverBuilder, jobs);
await receiver.StartAsync();
await client.SubmitAsync("A lighthouse at dawn", new GenerationOptions { Webhook = new Uri($"{receiver.Urls.First()}/photon/webhooks?job=42") });
Console.WriteLine($"webhook receiver:       {await jobs.NextAsync()}");
