using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PhotonSdk.Agents;

namespace PhotonSdk.Mcp;

/// <summary>
/// The four tools an MCP client sees (<c>generate_image</c>, <c>get_image_result</c>, <c>get_image_budget</c>,
/// <c>get_balance</c>) over one <see cref="PhotonImageTools"/>, and so over one budget.
/// </summary>
internal sealed class PhotonMcpTools
{
    public const string GetBalanceName = "get_balance";

    /// <summary>How many tools there are.</summary>
    public const int Count = 4;

    private readonly PhotonImageTools _tools;
    private readonly McpToolResults _results;

    public PhotonMcpTools(IPhotonClient client, PhotonMcpOptions options)
    {
        _tools = new PhotonImageTools(client, options.ImageTools);
        _results = new McpToolResults(client, options);
        Tools = Create();
    }

    /// <summary>The tools, in the order a client lists them.</summary>
    public IReadOnlyList<McpServerTool> Tools { get; }

    private List<McpServerTool> Create()
    {
        var functions = _tools.AsAIFunctions().ToDictionary(function => function.Name);
        return
        [
            new PhotonMcpTool(
                functions[PhotonImageTools.GenerateImageName],
                "Generate an image",
                new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true },
                GenerateImageAsync),
            new PhotonMcpTool(
                functions[PhotonImageTools.GetImageResultName],
                "Get a generated image",
                new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true },
                GetImageResultAsync),
            new PhotonMcpTool(
                functions[PhotonImageTools.GetImageBudgetName],
                "Image prices and budget",
                new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
                GetImageBudgetAsync),
            new PhotonMcpTool(
                AIFunctionFactory.Create(
                    () => { },
                    new AIFunctionFactoryOptions { Name = GetBalanceName, Description = "Reads the WaveSpeed account's balance in US dollars. Costs nothing." }),
                "Account balance",
                new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true },
                GetBalanceAsync),
        ];
    }

    private async ValueTask<CallToolResult> GenerateImageAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var arguments = new ToolArguments(request.Params?.Arguments);
        var prompt = arguments.String("prompt");
        var quality = arguments.String("quality");
        var waitSeconds = arguments.Integer("wait_seconds");
        var inputImageUrl = arguments.String("input_image_url");
        if (arguments.Problems.Count > 0) return McpToolResults.InvalidArguments(PhotonImageTools.GenerateImageName, arguments.Problems);

        var reply = await _tools.GenerateImageAsync(prompt ?? "", quality, waitSeconds, inputImageUrl, Progress(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await _results.FromAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<CallToolResult> GetImageResultAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var arguments = new ToolArguments(request.Params?.Arguments);
        var predictionId = arguments.String("prediction_id");
        var waitSeconds = arguments.Integer("wait_seconds");
        if (arguments.Problems.Count > 0) return McpToolResults.InvalidArguments(PhotonImageTools.GetImageResultName, arguments.Problems);

        var reply = await _tools.GetImageResultAsync(predictionId ?? "", waitSeconds, Progress(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await _results.FromAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<CallToolResult> GetImageBudgetAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        _results.FromAsync(_tools.GetImageBudget(), cancellationToken);

    private async ValueTask<CallToolResult> GetBalanceAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        await _results.FromAsync(await _tools.GetBalanceAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Progress notifications, when the client asked for them with a progress token.</summary>
    private static ProgressNotifications? Progress(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        request.Params?.ProgressToken is { } token ? new ProgressNotifications(request.Server, token, cancellationToken) : null;
}
