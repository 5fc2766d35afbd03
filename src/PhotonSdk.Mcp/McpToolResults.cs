using System.Globalization;
using ModelContextProtocol.Protocol;
using PhotonSdk.Agents;

namespace PhotonSdk.Mcp;

/// <summary>
/// Turns a tool's reply into an MCP result: the reply's plain text (never JSON-quoted), a <c>resource_link</c> to each
/// image with its media type, and optionally a small inline image; <c>isError</c> when the reply is a failure.
/// </summary>
internal sealed class McpToolResults(IPhotonClient client, PhotonMcpOptions options)
{
    public async ValueTask<CallToolResult> FromAsync(ImageToolReply reply, CancellationToken cancellationToken)
    {
        var blocks = new List<ContentBlock>();
        var text = reply.Text;
        var notes = new List<string>();
        if (reply.Result is { } result)
        {
            foreach (var image in result.Images)
            {
                if (image.Url is not { } url) continue;
                blocks.Add(new ResourceLinkBlock
                {
                    Uri = url.ToString(),
                    Name = $"{result.PredictionId}-{image.Index}{Path.GetExtension(url.AbsolutePath)}",
                    Title = $"Image {image.Index + 1} of prediction {result.PredictionId}",
                    Description = $"Made by {result.ModelId}.",
                    MimeType = image.MediaType,
                });
                if (options.PreviewMaxBytes > 0 && await PreviewAsync(image, cancellationToken).ConfigureAwait(false) is { } preview)
                {
                    if (preview.Block is { } block) blocks.Add(block);
                    if (preview.Note is { } note) notes.Add(note);
                }
            }
        }

        if (options.ResultNote is { } resultNote) notes.Add(resultNote);
        if (notes.Count > 0) text += "\n" + string.Join("\n", notes);
        blocks.Insert(0, new TextContentBlock { Text = text });
        return new CallToolResult { Content = blocks, IsError = reply.IsError };
    }

    public static CallToolResult InvalidArguments(string tool, IEnumerable<string> problems) => new()
    {
        Content = [new TextContentBlock { Text = $"Not done: {string.Join("; ", problems)}. Nothing was sent; correct the arguments and call {tool} again." }],
        IsError = true,
    };

    private async Task<(ContentBlock? Block, string? Note)?> PreviewAsync(GeneratedImage image, CancellationToken cancellationToken)
    {
        try
        {
            using var bytes = new MemoryStream();
            var mediaType = await client.DownloadAsync(image, bytes, cancellationToken).ConfigureAwait(false) ?? image.MediaType;
            if (bytes.Length > options.PreviewMaxBytes)
            {
                return (null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"No inline preview: the image is {bytes.Length:N0} bytes, above the limit of {options.PreviewMaxBytes:N0}; open the link."));
            }

            if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.Ordinal)) return null;
            return (ImageContentBlock.FromBytes(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), mediaType), null);
        }
        catch (PhotonException)
        {
            return (null, "No inline preview: the image could not be downloaded just now; open the link.");
        }
    }
}
