using ModelContextProtocol.Client;
using Snapshooter.Xunit;

namespace PhotonSdk.Mcp.Tests;

/// <summary>What an MCP client sees of <c>photon mcp</c> before it calls anything: the tools, their schemas and annotations, and the server's instructions.</summary>
public sealed class ToolListTests
{
    [Fact]
    public async Task The_tools_as_a_client_lists_them()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var tools = await photon.Client.ListToolsAsync();

        Snapshot.Match(tools.Select(tool => new
        {
            tool.ProtocolTool.Name,
            tool.ProtocolTool.Title,
            tool.ProtocolTool.Description,
            Schema = Newtonsoft.Json.Linq.JToken.Parse(tool.ProtocolTool.InputSchema.GetRawText()),
            tool.ProtocolTool.Annotations?.ReadOnlyHint,
            tool.ProtocolTool.Annotations?.DestructiveHint,
            tool.ProtocolTool.Annotations?.IdempotentHint,
            tool.ProtocolTool.Annotations?.OpenWorldHint,
        }));
    }

    [Fact]
    public async Task Generate_is_the_only_tool_that_is_not_read_only()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var tools = (await photon.Client.ListToolsAsync()).ToDictionary(tool => tool.Name);

        Assert.Equal(["generate_image", "get_image_result", "get_image_budget", "get_balance"], tools.Keys);
        var generate = tools["generate_image"].ProtocolTool.Annotations!;
        Assert.False(generate.ReadOnlyHint);
        Assert.False(generate.IdempotentHint);
        Assert.True(generate.OpenWorldHint);
        Assert.All(tools.Values.Where(tool => tool.Name != "generate_image"), tool => Assert.True(tool.ProtocolTool.Annotations!.ReadOnlyHint));
    }

    [Fact]
    public async Task The_instructions_state_models_prices_and_the_budget()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(arguments: ["--max-images", "3", "--max-cost", "0.25"]);

        var instructions = photon.Client.ServerInstructions ?? "";

        Assert.Contains("luma/photon-flash 0.005 USD", instructions, StringComparison.Ordinal);
        Assert.Contains("luma/photon 0.015 USD", instructions, StringComparison.Ordinal);
        Assert.Contains("stops after 3 images or 0.25 USD", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("Offline", instructions, StringComparison.Ordinal);
    }
}
