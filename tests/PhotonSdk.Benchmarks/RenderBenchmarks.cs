using BenchmarkDotNet.Attributes;
using PhotonSdk.Emulator;
using PhotonSdk.Emulator.Rendering;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// What one emulator image costs to draw and encode, uncached: a load run against the emulator renders one per
/// prediction, thousands a minute, on the same cores as the client it measures.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private const string Prompt = "A cinematic shot of a city at sunset, soft golden light";

    private long _seed;

    [Params(EmulatorImageFormat.Png, EmulatorImageFormat.Jpeg)]
    public EmulatorImageFormat Format { get; set; }

    [Benchmark]
    public byte[] RenderOneImage() => PromptImageRenderer.Render(Prompt, _seed++, Format);
}
