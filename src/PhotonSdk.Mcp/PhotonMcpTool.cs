using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace PhotonSdk.Mcp;

/// <summary>
/// One of the Photon tools as an MCP tool. Its name, description and input schema are those of the Microsoft.Extensions.AI
/// function the core package defines, so a model sees the same tool over MCP as in any other host; only the call is
/// MCP's own (progress notifications, result blocks, <c>isError</c>).
/// </summary>
internal sealed class PhotonMcpTool : McpServerTool
{
    private readonly Func<RequestContext<CallToolRequestParams>, CancellationToken, ValueTask<CallToolResult>> _invoke;

    public PhotonMcpTool(
        AIFunction function,
        string title,
        ToolAnnotations annotations,
        Func<RequestContext<CallToolRequestParams>, CancellationToken, ValueTask<CallToolResult>> invoke)
    {
        _invoke = invoke;
        annotations.Title = title;
        ProtocolTool = new Tool
        {
            Name = function.Name,
            Title = title,
            Description = function.Description,
            InputSchema = WithoutDefaultNulls(function.JsonSchema),
            Annotations = annotations,
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _invoke(request, cancellationToken);

    // An optional parameter's "default": null says nothing a client can use and makes some clients send null explicitly.
    private static JsonElement WithoutDefaultNulls(JsonElement schema)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText())!.AsObject();
        if (node["properties"] is System.Text.Json.Nodes.JsonObject properties)
        {
            foreach (var (_, property) in properties)
            {
                if (property is System.Text.Json.Nodes.JsonObject parameter && parameter.TryGetPropertyValue("default", out var value) && value is null)
                    parameter.Remove("default");
            }
        }

        return JsonSerializer.SerializeToElement(node);
    }
}
