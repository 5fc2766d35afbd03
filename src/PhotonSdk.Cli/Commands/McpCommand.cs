using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using PhotonSdk.Agents;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Mcp;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// <c>photon mcp</c>: an MCP server on stdin/stdout with the image tools, for agents in Claude Desktop, VS Code and any
/// other MCP host. stdout carries the protocol only; everything else goes to stderr.
/// </summary>
internal static class McpCommand
{
    public const string MaxImagesVariable = "PHOTON_MCP_MAX_IMAGES";
    public const string MaxCostVariable = "PHOTON_MCP_MAX_COST_USD";
    public const string WaitVariable = "PHOTON_MCP_WAIT_SECONDS";
    public const string PreviewVariable = "PHOTON_MCP_PREVIEW_MAX_BYTES";

    /// <summary>
    /// Under a minute by default: many MCP clients give up on a tool call after 60 seconds, and an answer with the
    /// prediction id (for <c>get_image_result</c>) is better than none.
    /// </summary>
    private const int DefaultWaitSeconds = 45;

    public static Command Create(CommandContext context)
    {
        var defaults = new PhotonImageToolsOptions();
        var maxImages = new Option<int?>("--max-images")
        {
            Description = $"The most images this server generates before it refuses [env {MaxImagesVariable}; default {defaults.MaxImages}]",
            HelpName = "count",
        };
        var maxCost = new Option<decimal?>("--max-cost")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"The most this server spends, in US dollars [env {MaxCostVariable}; default {defaults.MaxCostUsd:0.00}]"),
            HelpName = "usd",
        };
        var wait = new Option<int?>("--wait")
        {
            Description = $"The longest a tool waits for an image before answering with its prediction id [env {WaitVariable}; default {DefaultWaitSeconds}]",
            HelpName = "seconds",
        };
        var preview = new Option<int?>("--preview-max-bytes")
        {
            Description = $"Also return images up to this size inline, for vision models; 0 for links only [env {PreviewVariable}; default 0]",
            HelpName = "bytes",
        };

        var command = new Command(
            "mcp",
            "Run an MCP server on stdin/stdout with the tools generate_image, get_image_result, get_image_budget and get_balance. " +
            $"With {PhotonClientOptions.ApiKeyEnvironmentVariable} it calls WaveSpeed; without it, a local emulator, and every result says so.")
        {
            maxImages, maxCost, wait, preview,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var environment = context.Environment;
            var imageTools = new PhotonImageToolsOptions
            {
                MaxImages = parse.GetValue(maxImages) ?? environment.Integer(MaxImagesVariable) ?? defaults.MaxImages,
                MaxCostUsd = parse.GetValue(maxCost) ?? environment.Decimal(MaxCostVariable) ?? defaults.MaxCostUsd,
                WaitTimeout = TimeSpan.FromSeconds(parse.GetValue(wait) ?? environment.Integer(WaitVariable) ?? DefaultWaitSeconds),
            };
            var previewMaxBytes = parse.GetValue(preview) ?? environment.Integer(PreviewVariable) ?? 0;
            return RunAsync(context, imageTools, previewMaxBytes, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, PhotonImageToolsOptions imageTools, int previewMaxBytes, CancellationToken cancellationToken)
    {
        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var options = new PhotonMcpOptions
            {
                ImageTools = imageTools,
                PreviewMaxBytes = previewMaxBytes,
                ResultNote = connection.IsInProcessEmulator
                    ? "Offline: this image comes from the local WaveSpeed emulator inside this MCP server (a placeholder, nothing billed), not from WaveSpeed; " +
                      $"its URL works only while the server runs. Set {PhotonClientOptions.ApiKeyEnvironmentVariable} for real images."
                    : null,
            };

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            var server = builder.Services
                .AddMcpServer(mcp => mcp.ServerInfo = new Implementation { Name = "photon", Title = "PhotonSdk image tools", Version = Version })
                .WithPhotonImageTools(connection.Client, options);
            if (context.Environment.McpStreams is { } streams) server.WithStreamServerTransport(streams.Input, streams.Output);
            else server.WithStdioServerTransport();

            using var host = builder.Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private static string Version =>
        typeof(McpCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
