using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class Base64OutputTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Base64_outputs_are_bare_base64_of_the_png_bytes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "tulips", enable_base64_output = true })).StringAt("id");

        var output = (await session.ResultAsync(id))["outputs"]![0]!.GetValue<string>();
        var bytes = Convert.FromBase64String(output);

        Assert.DoesNotContain("data:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", output, StringComparison.Ordinal);
        Assert.Equal(PngMagic, bytes[..8]);
    }

    [Fact]
    public async Task Base64_output_holds_the_same_image_the_output_url_serves()
    {
        await using var session = await EmulatorSession.StartAsync();
        var asBase64 = await session.SubmitAsync("luma/photon", new { prompt = "tulips", enable_base64_output = true, enable_sync_mode = true });
        var asUrl = await session.SubmitAsync("luma/photon", new { prompt = "tulips", enable_sync_mode = true });

        var decoded = Convert.FromBase64String(asBase64["outputs"]![0]!.GetValue<string>());
        var served = await session.Anonymous.GetByteArrayAsync(asUrl["outputs"]![0]!.GetValue<string>());

        Assert.Equal(served, decoded);
    }

    [Fact]
    public async Task Base64_with_a_webhook_is_refused_with_the_documented_bare_error()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync(
            "luma/photon-flash?webhook=http://127.0.0.1:9/hook",
            Json.Body(new { prompt = "tulips", enable_base64_output = true }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"webhook callback does not support base64 output, please use the normal API to use base64 output"}""", body);
    }
}
