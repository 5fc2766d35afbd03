using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PhotonSdk.Agents;
using PhotonSdk.Mcp;

namespace PhotonSdk.Samples.Snippets;

/// <summary>The README's agent snippets: the image tools in any chat client, and in an MCP server of one's own.</summary>
public static class AgentSnippets
{
    public static async Task<string> ToolsInAnyChatClientAsync(IChatClient model, IPhotonClient client)
    {
        var tools = new PhotonImageTools(client, new PhotonImageToolsOptions { MaxImages = 5, MaxCostUsd = 0.10m });
        IChatClient chat = model.AsBuilder().UseFunctionInvocation().Build();

        ChatResponse response = await chat.GetResponseAsync(
            "Draw a red fox in fresh snow.", new ChatOptions { Tools = [.. tools.AsAIFunctions()] });
        return response.Text;                                   // the model quotes the tool's text: URL, id, model, cost
    }

    public static WebApplication McpServerWithPhotonTools(string[] args, IPhotonClient photon)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(photon);
        builder.Services.AddMcpServer()
            .WithHttpTransport()
            .WithPhotonImageTools(options: new PhotonMcpOptions { ImageTools = { MaxImages = 20, MaxCostUsd = 0.50m } });

        var app = builder.Build();
        app.MapMcp("/mcp");
        return app;
    }
}
