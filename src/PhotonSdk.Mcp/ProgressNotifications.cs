using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PhotonSdk.Agents;

namespace PhotonSdk.Mcp;

/// <summary>
/// Sends a tool's progress reports to the client as MCP progress notifications, one after another so that they arrive
/// in order. A notification that cannot be sent is dropped: progress is advisory, the result is what counts.
/// </summary>
internal sealed class ProgressNotifications(McpServer server, ProgressToken token, CancellationToken cancellationToken) : IProgress<ImageToolProgress>
{
    private readonly Lock _lock = new();
    private Task _sending = Task.CompletedTask;

    public void Report(ImageToolProgress value)
    {
        var notification = new ProgressNotificationValue { Progress = (float)value.Elapsed.TotalSeconds, Message = value.Message };
        lock (_lock)
        {
            _sending = SendAfterAsync(_sending, notification);
        }
    }

    private async Task SendAfterAsync(Task previous, ProgressNotificationValue notification)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await server.NotifyProgressAsync(token, notification, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A lost progress notification must not fail the tool call.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
