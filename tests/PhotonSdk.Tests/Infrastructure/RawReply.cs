using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>What <see cref="RawHttpServer"/> does with one request.</summary>
public abstract record RawReply
{
    /// <summary>A complete response.</summary>
    public static RawReply Full(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        new FullReply(status, Encoding.UTF8.GetBytes(body), contentType, headers);

    /// <summary>Headers that promise <paramref name="declaredLength"/> bytes, the start of the body, then a TCP reset.</summary>
    public static RawReply ResetMidBody(int status, string bodyStart, int declaredLength) =>
        new ResetReply(status, Encoding.UTF8.GetBytes(bodyStart), declaredLength);

    /// <summary>Reads the request, then resets the connection without a byte of answer.</summary>
    public static RawReply ResetBeforeAnswer { get; } = new AbortReply();

    /// <summary>Reads the request, then closes the connection in good order without a byte of answer.</summary>
    public static RawReply CloseBeforeAnswer { get; } = new CloseReply();

    /// <summary>Headers, then one body byte per <paramref name="interval"/> of real time until the client gives up.</summary>
    public static RawReply Trickle(int status, TimeSpan interval, string contentType = "application/json") =>
        new TrickleReply(status, interval, contentType);

    /// <summary>Reads the request and never answers; the connection stays open until the client closes it.</summary>
    public static RawReply Hold { get; } = new HoldReply();

    /// <summary>A chunked body that starts with <paramref name="prefix"/> and goes on for <paramref name="totalBytes"/>.</summary>
    public static RawReply Endless(int status, string prefix, long totalBytes, string contentType = "application/json") =>
        new EndlessReply(status, Encoding.UTF8.GetBytes(prefix), totalBytes, contentType);

    internal abstract Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping);

    private protected static async Task WriteHeadAsync(NetworkStream stream, int status, string contentType, string framing, IEnumerable<(string Name, string Value)> headers, CancellationToken stopping)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(framing).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping);
        await stream.FlushAsync(stopping);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private sealed record FullReply(int Status, byte[] Body, string ContentType, (string Name, string Value)[] Headers) : RawReply
    {
        internal override async Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            await WriteHeadAsync(stream, Status, ContentType, $"Content-Length: {Body.Length}", Headers, stopping);
            await stream.WriteAsync(Body, stopping);
            server.CountBodyBytes(Body.Length);
            tcp.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private sealed record ResetReply(int Status, byte[] BodyStart, int DeclaredLength) : RawReply
    {
        internal override async Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            await WriteHeadAsync(stream, Status, "application/json", $"Content-Length: {DeclaredLength}", [], stopping);
            await stream.WriteAsync(BodyStart, stopping);
            await stream.FlushAsync(stopping);
            server.CountBodyBytes(BodyStart.Length);
            // Give the client time to read what was sent, so the reset lands in the middle of the body, not before it.
            await Task.Delay(20, stopping);

            tcp.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            tcp.Client.Close();
        }
    }

    private sealed record AbortReply : RawReply
    {
        internal override Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            tcp.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            tcp.Client.Close();
            return Task.CompletedTask;
        }
    }

    private sealed record CloseReply : RawReply
    {
        internal override Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            tcp.Client.Shutdown(SocketShutdown.Both);
            return Task.CompletedTask;
        }
    }

    private sealed record TrickleReply(int Status, TimeSpan Interval, string ContentType) : RawReply
    {
        internal override async Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            await WriteHeadAsync(stream, Status, ContentType, "Content-Length: 1000000", [], stopping);
            var space = " "u8.ToArray();
            for (var sent = 0; sent < 1_000_000; sent++)
            {
                await stream.WriteAsync(space, stopping);
                await stream.FlushAsync(stopping);
                server.CountTrickledByte();
                await Task.Delay(Interval, stopping);
            }
        }
    }

    private sealed record HoldReply : RawReply
    {
        internal override async Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            // A read returns 0 (or throws) once the client closes its side.
            var sink = new byte[1];
            while (await stream.ReadAsync(sink, stopping) > 0)
            {
            }
        }
    }

    private sealed record EndlessReply(int Status, byte[] Prefix, long TotalBytes, string ContentType) : RawReply
    {
        internal override async Task WriteAsync(RawHttpServer server, TcpClient tcp, NetworkStream stream, CancellationToken stopping)
        {
            await WriteHeadAsync(stream, Status, ContentType, "Transfer-Encoding: chunked", [], stopping);
            await WriteChunkAsync(server, stream, Prefix, stopping);
            var filler = new byte[64 * 1024];
            Array.Fill(filler, (byte)'A');
            for (var sent = (long)Prefix.Length; sent < TotalBytes; sent += filler.Length)
            {
                await WriteChunkAsync(server, stream, filler, stopping);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), stopping);
        }

        private static async Task WriteChunkAsync(RawHttpServer server, NetworkStream stream, byte[] chunk, CancellationToken stopping)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"), stopping);
            await stream.WriteAsync(chunk, stopping);
            await stream.WriteAsync("\r\n"u8.ToArray(), stopping);
            server.CountBodyBytes(chunk.Length);
        }
    }
}
