using System.Collections.Concurrent;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace PhotonSdk.Mcp.Tests;

/// <summary><c>generate_image</c> and <c>get_image_result</c> through the real <c>photon mcp</c> process, against the emulator.</summary>
public sealed class GenerateImageTests
{
    private static readonly Dictionary<string, object?> Fox = new() { ["prompt"] = "A red fox in fresh snow" };

    [Fact]
    public async Task An_image_comes_back_as_plain_text_and_a_resource_link()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var result = await photon.Client.CallToolAsync("generate_image", Fox);

        Assert.False(result.IsError);
        var text = Assert.IsType<TextContentBlock>(result.Content[0]).Text;
        var link = Assert.IsType<ResourceLinkBlock>(Assert.Single(result.Content.OfType<ResourceLinkBlock>()));
        Assert.StartsWith($"Image ready: {link.Uri}\n", text, StringComparison.Ordinal);
        Assert.Contains("Model: luma/photon-flash. Cost: 0.005 USD.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('"'));
        Assert.Equal("image/png", link.MimeType);
        Assert.StartsWith(photon.Emulator!.BaseUrl.ToString(), link.Uri, StringComparison.Ordinal);
        Assert.Equal(1, await photon.PredictionsSubmittedAsync());
    }

    [Fact]
    public async Task Progress_notifications_flow_while_it_waits()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(emulator =>
        {
            emulator.LatencyScale = 1;
            emulator.ModelLatencies["luma/photon-flash"] = TimeSpan.FromSeconds(5);
        });
        var reports = new ConcurrentQueue<ProgressNotificationValue>();

        var result = await photon.Client.CallToolAsync("generate_image", Fox, new SynchronousProgress(reports.Enqueue));

        Assert.False(result.IsError);
        var seen = reports.ToList();
        Assert.True(seen.Count >= 2, $"{seen.Count} progress notifications");
        Assert.Equal("generating with luma/photon-flash", seen[0].Message);
        Assert.Equal(seen.Select(report => report.Progress).Order(), seen.Select(report => report.Progress));
        Assert.StartsWith("generating with luma/photon-flash (", seen[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_image_answers_with_its_id_and_get_image_result_fetches_it()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(
            emulator =>
            {
                emulator.LatencyScale = 1;
                emulator.ModelLatencies["luma/photon-flash"] = TimeSpan.FromSeconds(4);
            });

        var first = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?>(Fox) { ["wait_seconds"] = 1 });
        var text = Assert.IsType<TextContentBlock>(first.Content[0]).Text;
        var id = text.Split(' ')[3];
        var second = await photon.Client.CallToolAsync("get_image_result", new Dictionary<string, object?> { ["prediction_id"] = id, ["wait_seconds"] = 30 });

        Assert.True(first.IsError);
        Assert.StartsWith($"Still generating: prediction {id} was not finished", text, StringComparison.Ordinal);
        Assert.Contains($"Call get_image_result with prediction_id \"{id}\"", text, StringComparison.Ordinal);
        Assert.False(second.IsError);
        Assert.Contains($"Prediction id: {id}.", Assert.IsType<TextContentBlock>(second.Content[0]).Text, StringComparison.Ordinal);
        Assert.Single(second.Content.OfType<ResourceLinkBlock>());
        Assert.Equal(1, await photon.PredictionsSubmittedAsync());
    }

    [Fact]
    public async Task Keyless_it_runs_on_its_own_emulator_and_every_result_says_so()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(keyless: true);

        var image = await photon.Client.CallToolAsync("generate_image", Fox);
        var budget = await photon.Client.CallToolAsync("get_image_budget", new Dictionary<string, object?>());

        Assert.False(image.IsError);
        Assert.Contains("Offline: this image comes from the local WaveSpeed emulator", Assert.IsType<TextContentBlock>(image.Content[0]).Text, StringComparison.Ordinal);
        Assert.Contains("Offline", Assert.IsType<TextContentBlock>(budget.Content[0]).Text, StringComparison.Ordinal);
        Assert.Contains("Offline", photon.Client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains(photon.Stderr, line => line.Contains("local WaveSpeed emulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_preview_limit_a_small_image_also_comes_inline_and_a_large_one_does_not()
    {
        await using var roomy = await PhotonMcpProcess.StartAsync(arguments: ["--preview-max-bytes", "5000000"]);
        await using var tight = await PhotonMcpProcess.StartAsync(arguments: ["--preview-max-bytes", "100"]);

        var inline = await roomy.Client.CallToolAsync("generate_image", Fox);
        var linked = await tight.Client.CallToolAsync("generate_image", Fox);

        var preview = Assert.Single(inline.Content.OfType<ImageContentBlock>());
        var link = Assert.Single(inline.Content.OfType<ResourceLinkBlock>());
        using var http = new HttpClient();
        Assert.Equal(await http.GetByteArrayAsync(link.Uri), preview.DecodedData.ToArray());
        Assert.Equal("image/png", preview.MimeType);
        Assert.Empty(linked.Content.OfType<ImageContentBlock>());
        Assert.Single(linked.Content.OfType<ResourceLinkBlock>());
        Assert.Matches(@"No inline preview: the image is [\d,]+ bytes, above the limit of 100; open the link\.", Assert.IsType<TextContentBlock>(linked.Content[0]).Text);
    }

    /// <summary>Records reports on the thread that reports them, so that none is still queued when the call returns.</summary>
    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
