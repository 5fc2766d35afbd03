using System.Globalization;
using PhotonSdk;
using PhotonSdk.Emulator;

// With WAVESPEED_API_KEY set, this calls WaveSpeed and is billed (about 0.02 USD). Without it, a local emulator of the
// same API runs inside this process, so the sample works offline.
var useEmulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable));
await using var emulator = useEmulator ? await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.25 }) : null;

var options = new PhotonClientOptions();
if (emulator is not null)
{
    Console.WriteLine($"No WAVESPEED_API_KEY set: using a local emulator at {emulator.BaseUrl}");
    options.ApiKey = "any-key";                        // the emulator accepts any non-empty key
    options.BaseUrl = emulator.BaseUrl;
    options.Polling.FirstDelay = TimeSpan.FromMilliseconds(500);
}

using var client = new PhotonClient(options);

// A quick, cheap draft: Photon Flash.
var draft = await client.GenerateAsync(
    "A lighthouse on a cliff at dawn, watercolor",
    new GenerationOptions { Model = PhotonModels.DraftAlias });

// The final image: the Final quality routes to Photon.
var final = await client.GenerateAsync(
    "A lighthouse on a cliff at dawn, watercolor, fine detail, soft morning mist",
    new GenerationOptions { Quality = PhotonQuality.Final });

foreach (var result in new[] { draft, final })
{
    var path = await client.SaveAsync(result, "photon-output/");   // photon-output/<prediction id>.png
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.ModelId,-18} {result.CostUsd,6} USD  {result.Timings.Elapsed.TotalSeconds,4:0.0} s  prediction {result.PredictionId}  {path}"));
}
