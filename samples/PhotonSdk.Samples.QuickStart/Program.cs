using PhotonSdk;

// Reads WAVESPEED_API_KEY (and WAVESPEED_BASE_URL) from the environment.
using var client = new PhotonClient();

// A quick, cheap draft (Photon Flash), then the final image (Photon).
var draft = await client.GenerateAsync("A lighthouse on a cliff at dawn, watercolor",
    new GenerationOptions { Quality = PhotonQuality.Draft });
var final = await client.GenerateAsync("A lighthouse on a cliff at dawn, watercolor, fine detail, soft morning mist",
    new GenerationOptions { Quality = PhotonQuality.Final });

foreach (var result in new[] { draft, final })
{
    var path = await client.SaveAsync(result, "photon-output/");   // photon-output/<prediction id>.png
    Console.WriteLine($"{result.ModelId}: {result.CostUsd} USD, {result.Timings.Elapsed.TotalSeconds:0.0} s, {path}");
}
