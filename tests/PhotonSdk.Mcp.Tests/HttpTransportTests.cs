using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using PhotonSdk.Agents;
using PhotonSdk.Emulator;

namespace PhotonSdk.Mcp.Tests;

/// <summary>The same tools in a user's own ASP.NET Core MCP server (HTTP transport), added with one builder call.</summary>
public sealed class HttpTransportTests
{
    [Fact]
    public async Task An_asp_net_core_mcp_server_serves_the_tools_with_one_budget_for_every_session()
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.05 });
        using var photon = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = emulator.BaseUrl });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IPhotonClient>(photon);
        builder.Services.AddMcpServer()
            .WithHttpTransport()
            .WithPhotonImageTools(options: new PhotonMcpOptions { ImageTools = new PhotonImageToolsOptions { MaxImages = 1 } });
        await using var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        var endpoint = new Uri(app.Urls.Single() + "/mcp");

        await using var first = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }));
        await using var second = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }));
        var image = await first.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox" });
        var refused = await second.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A hare" });

        Assert.Equal(["generate_image", "get_image_result", "get_image_budget", "get_balance"], (await first.ListToolsAsync()).Select(tool => tool.Name));
        Assert.False(image.IsError);
        Assert.Single(image.Content.OfType<ResourceLinkBlock>());
        Assert.True(refused.IsError);
        Assert.Contains("the image budget is used up (1 of 1 images)", Assert.IsType<TextContentBlock>(refused.Content[0]).Text, StringComparison.Ordinal);
        Assert.Single((await photon.GetHistoryAsync()).Items);
        await app.StopAsync();
    }
}
