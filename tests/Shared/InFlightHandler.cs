namespace PhotonSdk.Testing;

/// <summary>
/// Counts HTTP requests in flight, so a test can tell "waiting on I/O" from "waiting on the clock". A request counts
/// from the moment it is sent until its answer, body included (see <see cref="ReadBodyAsync"/>), has been handed to the
/// client and the client has handled it; <see cref="Changed"/> tells a clock driver each time something moves.
/// </summary>
public class InFlightHandler : DelegatingHandler
{
    private int _inFlight;
    private int _cancelling;

    public InFlightHandler()
        : this(new SocketsHttpHandler())
    {
    }

    protected InFlightHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Raised when a request starts or stops counting as in flight, or is cancelled by its caller.</summary>
    public event Action? Changed;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests in flight that their caller has cancelled and that have not ended yet.</summary>
    public int Cancelling => Volatile.Read(ref _cancelling);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Enter();
        // Continuations run inline on purpose: the client handles the answer inside SetResult, up to its next wait, and
        // only then does the request stop counting as in flight, so the fake clock cannot move while it is busy.
        var answered = new TaskCompletionSource<HttpResponseMessage>();
        _ = RelayAsync(request, answered, cancellationToken);
        return answered.Task;
    }

    /// <summary>Reads the answer's body while the request still counts as in flight; by default all of it.</summary>
    protected virtual async Task<HttpContent> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await content.LoadIntoBufferAsync(cancellationToken);
        return content;
    }

    /// <summary>Counts one more thing in flight (a body handed on unread, say) until the returned action first runs.</summary>
    protected Action Hold()
    {
        Enter();
        var released = 0;
        return () =>
        {
            if (Interlocked.Exchange(ref released, 1) == 0) Leave();
        };
    }

    private async Task RelayAsync(HttpRequestMessage request, TaskCompletionSource<HttpResponseMessage> answered, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        var registration = cancellationToken.Register(() =>
        {
            Volatile.Write(ref cancelled, 1);
            Interlocked.Increment(ref _cancelling);
            Changed?.Invoke();
        });
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content is not null) response.Content = await ReadBodyAsync(response.Content, cancellationToken);
            answered.SetResult(response);
        }
        catch (Exception e)
        {
            answered.SetException(e);
        }
        finally
        {
            // Waits for a cancellation callback under way, so that the count it raised is lowered here.
            await registration.DisposeAsync();
            if (Volatile.Read(ref cancelled) == 1) Interlocked.Decrement(ref _cancelling);
            Leave();
        }
    }

    private void Enter()
    {
        Interlocked.Increment(ref _inFlight);
        Changed?.Invoke();
    }

    private void Leave()
    {
        Interlocked.Decrement(ref _inFlight);
        Changed?.Invoke();
    }
}
