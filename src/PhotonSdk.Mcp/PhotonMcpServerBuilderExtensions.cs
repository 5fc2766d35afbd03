using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace PhotonSdk.Mcp;

/// <summary>Adds the Photon image tools to an MCP server built on the official C# SDK, over stdio or HTTP.</summary>
public static class PhotonMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds <c>generate_image</c>, <c>get_image_result</c>, <c>get_image_budget</c> and <c>get_balance</c>, and sets the
    /// server's instructions (models, prices, rules) unless they are set already.
    /// </summary>
    /// <param name="builder">The MCP server builder, from <c>services.AddMcpServer()</c>.</param>
    /// <param name="client">
    /// The client that sends the predictions (the server does not dispose it); when <see langword="null"/>, the
    /// <see cref="IPhotonClient"/> registered in the services, e.g. by <c>services.AddPhotonClient(...)</c>.
    /// </param>
    /// <param name="options">The budget, bounds and result options; the defaults when <see langword="null"/>. Copied here.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// One budget serves the whole server process, across sessions and clients. Bad options fail here when a client is
    /// given; with the client from the services, they (or a missing client) fail when the server starts.
    /// </remarks>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static IMcpServerBuilder WithPhotonImageTools(this IMcpServerBuilder builder, IPhotonClient? client = null, PhotonMcpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var snapshot = options?.Clone() ?? new PhotonMcpOptions();
        ArgumentNullException.ThrowIfNull(snapshot.ImageTools, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.PreviewMaxBytes, nameof(options));

        // One set of tools per server, so that every session shares one budget. Made here when the client is given, so
        // that bad options fail at registration; from the services, when the server starts.
        if (client is not null) builder.Services.AddSingleton(new PhotonMcpTools(client, snapshot));
        else
        {
            builder.Services.AddSingleton(services => new PhotonMcpTools(
                services.GetService<IPhotonClient>()
                ?? throw new InvalidOperationException("No IPhotonClient is registered: call services.AddPhotonClient(...) or pass a client to WithPhotonImageTools."),
                snapshot));
        }

        for (var index = 0; index < PhotonMcpTools.Count; index++)
        {
            var tool = index;
            builder.Services.AddSingleton<McpServerTool>(services => services.GetRequiredService<PhotonMcpTools>().Tools[tool]);
        }

        builder.Services.PostConfigure<McpServerOptions>(server => server.ServerInstructions ??= ServerInstructions.For(snapshot));
        return builder;
    }
}
