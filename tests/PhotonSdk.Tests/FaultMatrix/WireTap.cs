using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// The client side of the fault matrix's wire. It counts requests in flight, body reads included, so the fake clock
/// moves only while the client waits on a timer; it notes every prediction id the client was told, so a case can check
/// that none is lost; it counts requests to servers that cannot count them themselves (the emulator); and it connects
/// to loopback addresses only, so nothing a case does can leave this machine.
/// </summary>
public sealed class WireTap : InFlightHandler
{
    /// <summary>Bodies up to this size are read before the response is handed on; longer ones are streamed.</summary>
    private const int PrefetchLimit = 1024 * 1024;

    private readonly ConcurrentQueue<string> _knownIds = new();
    private readonly ConcurrentQueue<string> _offLoopback = new();
    private readonly ConcurrentQueue<(string Method, Uri Url)> _counted = new();
    private readonly ConcurrentBag<Uri> _countedServers = [];

    public WireTap()
        : base(new SocketsHttpHandler { UseProxy = false, ConnectCallback = ConnectToLoopbackAsync })
    {
    }

    /// <summary>Every prediction id the client learned: from a response body or because it asked for it by id.</summary>
    public IReadOnlySet<string> KnownIds => _knownIds.ToHashSet();

    /// <summary>Hosts a request was addressed to that are neither loopback nor unresolvable by design.</summary>
    public IReadOnlyList<string> OffLoopback => [.. _offLoopback];

    /// <summary>Counts the requests sent to <paramref name="server"/> from now on.</summary>
    public void CountRequestsTo(Uri server) => _countedServers.Add(server);

    public int Counted(string method) => _counted.Count(r => r.Method == method);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        if (!IsLoopbackOrUnresolvable(url.Host)) _offLoopback.Enqueue(url.Host);
        if (_countedServers.Any(server => server.Authority == url.Authority)) _counted.Enqueue((request.Method.Method, url));
        NoteIdInPath(url);
        return base.SendAsync(request, cancellationToken);
    }

    protected override Task<HttpContent> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken) => PrefetchAsync(content, cancellationToken);

    /// <summary>
    /// Reads a body while the request still counts as in flight. A short body is kept whole; a long one is handed on
    /// with its start replayed and stays in flight until it is read to the end or dropped. A read that fails is
    /// replayed as it happened, so the SDK meets the error where it would have met it on the wire: reading the body.
    /// </summary>
    private async Task<HttpContent> PrefetchAsync(HttpContent live, CancellationToken cancellationToken)
    {
        var source = await live.ReadAsStreamAsync(cancellationToken);
        var prefix = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (prefix.Length <= PrefetchLimit)
            {
                var read = await source.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    await source.DisposeAsync();
                    NoteIdsInBody(prefix.ToArray());
                    return new ReplayContent(live, prefix.ToArray(), rest: null, failure: null, release: null);
                }

                prefix.Write(buffer, 0, read);
            }

            return new ReplayContent(live, prefix.ToArray(), source, failure: null, Hold());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await source.DisposeAsync();
            return new ReplayContent(live, prefix.ToArray(), rest: null, ExceptionDispatchInfo.Capture(e), release: null);
        }
    }

    private void NoteIdInPath(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "predictions");
        if (at >= 0 && at + 2 < segments.Length && segments[at + 2] == "result") _knownIds.Enqueue(Uri.UnescapeDataString(segments[at + 1]));
    }

    private void NoteIdsInBody(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var prediction = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) ? data : root;
            if (prediction.ValueKind == JsonValueKind.Object && prediction.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                _knownIds.Enqueue(id.GetString()!);
        }
        catch (JsonException)
        {
            // Not JSON (an image, an HTML page, a truncated answer): it told the client no id.
        }
    }

    private static bool IsLoopbackOrUnresolvable(string host) =>
        host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // .invalid never resolves (RFC 6761): fail as the resolver would, without asking one, so that no query leaves
        // the machine. Any other name that resolves off loopback is refused before a packet is sent.
        if (context.DnsEndPoint.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)) throw new SocketException((int)SocketError.HostNotFound);
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var loopback = addresses.Where(IPAddress.IsLoopback).ToArray();
        if (loopback.Length == 0) throw new InvalidOperationException($"{context.DnsEndPoint.Host} is not a loopback address; the tests never leave this machine.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A body whose start was already read: the start is replayed, then the rest, the error, or the end.</summary>
    private sealed class ReplayContent : HttpContent
    {
        private readonly HttpContent _live;
        private readonly byte[] _prefix;
        private readonly Stream? _rest;
        private readonly ExceptionDispatchInfo? _failure;
        private readonly Action? _release;

        public ReplayContent(HttpContent live, byte[] prefix, Stream? rest, ExceptionDispatchInfo? failure, Action? release)
        {
            _live = live;
            _prefix = prefix;
            _rest = rest;
            _failure = failure;
            _release = release;
            foreach (var header in live.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ReplayStream(this));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var replay = new ReplayStream(this);
            await replay.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _live.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rest?.Dispose();
                _release?.Invoke();
                _live.Dispose();
            }

            base.Dispose(disposing);
        }

        private sealed class ReplayStream(ReplayContent content) : NonSeekableStream
        {
            private int _position;

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (_position < content._prefix.Length)
                {
                    var count = Math.Min(buffer.Length, content._prefix.Length - _position);
                    content._prefix.AsMemory(_position, count).CopyTo(buffer);
                    _position += count;
                    return count;
                }

                content._failure?.Throw();
                if (content._rest is null) return 0;
                try
                {
                    var read = await content._rest.ReadAsync(buffer, cancellationToken);
                    if (read == 0) content._release?.Invoke();
                    return read;
                }
                catch
                {
                    content._release?.Invoke();
                    throw;
                }
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    content._rest?.Dispose();
                    content._release?.Invoke();
                }

                base.Dispose(disposing);
            }
        }
    }
}
