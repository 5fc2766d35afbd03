using System.Buffers.Binary;
using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Rendering;

public sealed class RenderingTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Output_url_serves_a_512_square_png()
    {
        await using var session = await EmulatorSession.StartAsync();
        var result = await session.SubmitAsync("luma/photon-flash", new { prompt = "a violin on a chair", enable_sync_mode = true });
        var url = result["outputs"]![0]!.GetValue<string>();

        using var response = await session.Anonymous.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.EndsWith($"/outputs/{result.StringAt("id")}/0.png", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngMagic, bytes[..8]);
        Assert.Equal(512, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(512, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Same_prompt_and_seed_give_the_same_bytes_across_predictions_and_emulators()
    {
        await using var one = await EmulatorSession.StartAsync(o => o.Seed = 5);
        await using var two = await EmulatorSession.StartAsync(o => o.Seed = 5);
        await using var otherSeed = await EmulatorSession.StartAsync(o => o.Seed = 6);

        var a = await ImageAsync(one, "a violin on a chair");
        var b = await ImageAsync(one, "a violin on a chair");
        var c = await ImageAsync(two, "a violin on a chair");
        var differentPrompt = await ImageAsync(one, "a cello on a chair");
        var differentSeed = await ImageAsync(otherSeed, "a violin on a chair");

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.NotEqual(a, differentPrompt);
        Assert.NotEqual(a, differentSeed);
    }

    [Fact]
    public async Task A_seed_in_the_input_selects_the_image()
    {
        await using var session = await EmulatorSession.StartAsync();

        var seeded = await ImageAsync(session, "a harbour", seed: 99);
        var seededAgain = await ImageAsync(session, "a harbour", seed: 99);
        var unseeded = await ImageAsync(session, "a harbour");

        Assert.Equal(seeded, seededAgain);
        Assert.NotEqual(seeded, unseeded);
    }

    [Fact]
    public async Task Jpeg_format_serves_image_jpeg()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.ImageFormat = EmulatorImageFormat.Jpeg);
        var result = await session.SubmitAsync("luma/photon", new { prompt = "a lantern", enable_sync_mode = true });
        var url = result["outputs"]![0]!.GetValue<string>();

        using var response = await session.Anonymous.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.EndsWith("/0.jpg", url, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
    }

    [Fact]
    public async Task No_output_is_served_before_completion()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });
        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "a lantern" })).StringAt("id");
        var url = new Uri(session.Emulator.BaseUrl, $"outputs/{id}/0.png");

        using var early = await session.Anonymous.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(3));
        using var late = await session.Anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
    }

    private static async Task<byte[]> ImageAsync(EmulatorSession session, string prompt, int? seed = null)
    {
        object body = seed is { } s ? new { prompt, seed = s, enable_sync_mode = true } : new { prompt, enable_sync_mode = true };
        var result = await session.SubmitAsync("luma/photon-flash", body);
        return await session.Anonymous.GetByteArrayAsync(result["outputs"]![0]!.GetValue<string>());
    }
}
