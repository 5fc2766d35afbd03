using Microsoft.Extensions.Caching.Memory;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Keeps recently rendered images, keyed by what determines their bytes, so that polling a base64 prediction or
/// fetching an output again does not render again. Bounded by entry count, so thousands of predictions cost
/// memory only for the images recently asked for.
/// </summary>
internal sealed class RenderCache : IDisposable
{
    private const int MaxEntries = 256;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly EmulatorImageFormat _format;

    public RenderCache(EmulatorImageFormat format) => _format = format;

    public EmulatorImageFormat Format => _format;

    /// <summary>The encoded image of <paramref name="prompt"/> and <paramref name="seed"/>.</summary>
    public byte[] Get(string prompt, long seed)
    {
        var key = new RenderKey(prompt, seed);
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var image = PromptImageRenderer.Render(prompt, seed, _format);
        _cache.Set(key, image, new MemoryCacheEntryOptions { Size = 1 });
        return image;
    }

    public void Dispose() => _cache.Dispose();

    private sealed record RenderKey(string Prompt, long Seed);
}
