using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 server on a bare <see cref="TcpListener"/> at 127.0.0.1, for the faults a real server framework will not
/// produce: a connection reset in the middle of a body, a body that trickles, a request held forever, a body without
/// end. One request per connection; every reply closes its connection.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, RawReply> _script;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Task _accepting;
    private int _ordinal;
    private long _bodyBytesSent;
    private long _trickled;

    /// <param name="script">Chooses the reply to each request; it sees the request and its 1-based arrival order.</param>
    public RawHttpServer(Func<RawRequest, RawReply> script)
    {
        _script = script;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>The server's root, ending in <c>/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Raised when a request's head has been read and each time a trickling reply sends another byte.</summary>
    public event Action? Changed;

    /// <summary>Every request whose head was read, in arrival order.</summary>
    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    /// <summary>How many body bytes the server has written so far, over all replies.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    /// <summary>How many bytes trickling replies have sent so far, one at a time.</summary>
    public long Trickled => Interlocked.Read(ref _trickled);

    public int Count(string method) => _requests.Count(r => r.Method == method);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
            await Task.WhenAll(_connections.Keys);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping ends every connection on purpose.
        }

        _stopping.Dispose();
    }

    internal void CountBodyBytes(long count) => Interlocked.Add(ref _bodyBytesSent, count);

    internal void CountTrickledByte()
    {
        CountBodyBytes(1);
        Interlocked.Increment(ref _trickled);
        Changed?.Invoke();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = ServeAsync(tcp, stopping);
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient tcp, CancellationToken stopping)
    {
        using (tcp)
        {
            try
            {
                tcp.NoDelay = true;
                var stream = tcp.GetStream();
                var request = await ReadRequestAsync(stream, stopping);
                if (request is null) return;
                _requests.Enqueue(request);
                Changed?.Invoke();
                await _script(request).WriteAsync(this, tcp, stream, stopping);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: both end the connection, as intended.
            }
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken stopping)
    {
        var head = new List<byte>(1024);
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, stopping) == 0) return null;
            head.Add(one[0]);
            if (head.Count > 64 * 1024) throw new InvalidDataException("The request head is too long.");
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (headers.ContainsKey("Transfer-Encoding")) throw new InvalidDataException("Chunked request bodies are not read by this server.");

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, stopping);
        return new RawRequest(Interlocked.Increment(ref _ordinal), requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
