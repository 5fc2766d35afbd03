using PhotonSdk.Agents;

namespace PhotonSdk.Mcp;

/// <summary>How the Photon tools behave in an MCP server: the budget and bounds of the tools, and what their results carry.</summary>
public sealed class PhotonMcpOptions
{
    /// <summary>
    /// The budget (images and dollars), wait bound and prompt bound. The budget is one for the whole server, shared by
    /// every session and client: an agent in a loop cannot spend more than this, however it reconnects.
    /// </summary>
    public PhotonImageToolsOptions ImageTools { get; set; } = new();

    /// <summary>
    /// The largest image, in bytes, also returned inline as an <c>image</c> content block so that a vision model can look
    /// at it; larger images come only as a link. 0 (the default) returns no inline image. Hosts cap tool results (about
    /// 1 MB in Claude Desktop, base64 included), so keep it well below 750,000.
    /// </summary>
    public int PreviewMaxBytes { get; set; }

    /// <summary>
    /// A line added to the text of every result, e.g. that the images come from a local emulator rather than WaveSpeed;
    /// <see langword="null"/> for none.
    /// </summary>
    public string? ResultNote { get; set; }

    /// <summary>A copy, the image tools' options included, so that later changes to the caller's objects change nothing.</summary>
    internal PhotonMcpOptions Clone() => new()
    {
        ImageTools = ImageTools is null
            ? null!
            : new PhotonImageToolsOptions
            {
                MaxImages = ImageTools.MaxImages,
                MaxCostUsd = ImageTools.MaxCostUsd,
                WaitTimeout = ImageTools.WaitTimeout,
                MaxPromptLength = ImageTools.MaxPromptLength,
                ProgressInterval = ImageTools.ProgressInterval,
                TimeProvider = ImageTools.TimeProvider,
            },
        PreviewMaxBytes = PreviewMaxBytes,
        ResultNote = ResultNote,
    };
}
