using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PhotonSdk;
using PhotonSdk.Emulator;

// With WAVESPEED_API_KEY set this calls WaveSpeed and is billed (0.005 USD). Without it, a local emulator of the same
// API runs inside this process, so the sample works offline.
var useEmulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable));
await using var emulator = useEmulator ? await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.25 }) : null;

// The sample's own folder is its content root, so that its appsettings.json applies whether it is run from here or
// from the repository root (`dotnet run --project samples/PhotonSdk.Samples.Hosted`).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (emulator is not null)
{
    Console.WriteLine($"No WAVESPEED_API_KEY set: using a local emulator at {emulator.BaseUrl}");
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Photon:ApiKey"] = "any-key",                     // the emulator accepts any non-empty key
        ["Photon:BaseUrl"] = emulator.BaseUrl.ToString(),
    });
}

// One line registers the client: options from the "Photon" section, validated at start-up, HttpClient from
// IHttpClientFactory with resilience that never resends an ambiguous submit.
builder.Services.AddPhotonClient(builder.Configuration.GetSection("Photon"));

// The SDK's ActivitySource and Meter are both named "PhotonSdk".
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource("PhotonSdk").AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddMeter("PhotonSdk").AddConsoleExporter());

using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IPhotonClient>();
var result = await client.GenerateAsync("A cinematic shot of a city at sunset, soft golden light");
Console.WriteLine($"Generated {result.Image.Url} with {result.ModelId} for {result.CostUsd} USD (prediction {result.PredictionId}).");

// Stopping the host flushes the exporters, which print the spans and metrics of the generation above.
await host.StopAsync();
