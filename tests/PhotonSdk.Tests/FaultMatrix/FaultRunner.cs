using System.Diagnostics;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>Runs fault cases on a fake clock and checks everything a case expects.</summary>
public static class FaultRunner
{
    /// <summary>How soon a cancelled call must end, in fake and in real time.</summary>
    public static readonly TimeSpan CancellationBound = TimeSpan.FromMilliseconds(100);

    /// <summary>A guard against a hung case; no case comes near it.</summary>
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Ids(IEnumerable<FaultCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var id in cases.Select(c => c.Id)) data.Add(id);
        return data;
    }

    public static Task VerifyAsync(IEnumerable<FaultCase> cases, string id) => VerifyAsync(cases.Single(c => c.Id == id));

    public static async Task VerifyAsync(FaultCase fault)
    {
        await using var rig = new FaultRig();
        // Off the test framework's synchronization context, so that continuations run inline and the clock is
        // advanced only while the client truly waits.
        var run = await Task.Run(() => RunAsync(fault, rig));
        var outcome = run.Error ?? run.Result;

        AssertOutcome(fault, run);
        Assert.True(
            (fault.Posts, fault.Gets, fault.Puts) == (rig.Posts, rig.Gets, rig.Puts),
            $"Expected POST {fault.Posts}, GET {fault.Gets}, PUT {fault.Puts} to reach a server; got POST {rig.Posts}, GET {rig.Gets}, PUT {rig.Puts}.");
        Assert.True(
            run.Elapsed.TotalSeconds >= fault.Seconds.Min && run.Elapsed.TotalSeconds <= fault.Seconds.Max,
            $"Expected {fault.Seconds.Min}–{fault.Seconds.Max} s of fake time; {run.Elapsed.TotalSeconds:0.###} s passed.");
        AssertPredictionIdKept(fault, rig, outcome);
        Assert.Empty(rig.Tap.OffLoopback);
        if (fault.CancelWhen is not null) AssertPromptCancellation(run);
        if (fault.Then is not null) await fault.Then(rig, outcome);
    }

    /// <summary>Arranges a case on <paramref name="rig"/>, runs its call to the end and reports what happened.</summary>
    public static async Task<FaultRun> RunAsync(FaultCase fault, FaultRig rig)
    {
        await fault.Arrange(rig);
        rig.BuildClient();

        using var cancel = new CancellationTokenSource();
        var started = rig.Time.GetUtcNow();
        var real = Stopwatch.StartNew();
        CancelledAt? cancelledAt = null;
        (TimeSpan Real, DateTimeOffset Fake) ended = default;

        if (fault.CancelWhen?.Invoke(rig) == true) cancelledAt = Cancel(cancel, rig, real);
        var call = InvokeAsync(fault, rig, cancel.Token);
        // Noted the moment the call ends, not when the loop below next looks.
        var noted = call.ContinueWith(_ => ended = (real.Elapsed, rig.Time.GetUtcNow()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Asked each time something changed (a timer, a request, the raw server): cancel, move the clock, or wait.
        var trickled = 0L;
        bool MoveOn()
        {
            if (cancelledAt is null && fault.CancelWhen?.Invoke(rig) == true)
            {
                cancelledAt = Cancel(cancel, rig, real);
                return true;
            }

            // After cancelling, the clock stands still: a cancelled call that waited for a timer would never end.
            if (cancelledAt is not null) return false;

            // With a server on the clock, not while a request cut short by a timeout is still on its way out: a further
            // move could overtake its cancellation on the way to that server.
            var mayMove = fault.Clock == ClockMode.WhileIdle ? rig.IsIdle : !rig.InRealTimeWait && rig.Tap.Cancelling == 0;
            if (mayMove && rig.Time.AdvanceToNextDelay()) return true;

            // A server that holds its answer in real time: the clock moves a step each time it trickles another byte.
            if (fault.Clock == ClockMode.Always && rig.Raw is { } raw && raw.Trickled > trickled)
            {
                trickled = raw.Trickled;
                rig.Time.Advance(fault.Step);
                return true;
            }

            return false;
        }

        try
        {
            await rig.Time.RunAsync(call, MoveOn, RealTimeGuard);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{fault.Id} did not end within {RealTimeGuard.TotalSeconds} s of real time ({(rig.Time.GetUtcNow() - started).TotalSeconds} s of fake time).", e);
        }

        await noted;
        object? result = null;
        Exception? error = null;
        try
        {
            result = await call;
        }
        catch (Exception e)
        {
            error = e;
        }

        var cancellation = cancelledAt is { } at ? (ended.Real - at.Real, ended.Fake - at.Fake) : ((TimeSpan, TimeSpan)?)null;
        return new FaultRun(result, error, ended.Fake - started, cancellation);
    }

    /// <summary>The prediction id a result or an exception carries.</summary>
    public static string? PredictionIdOf(object? outcome) => outcome switch
    {
        ImageGenerationResult result => result.PredictionId,
        PredictionHandle handle => handle.Id,
        PredictionSummary summary => summary.Id,
        PhotonException error => error.PredictionId,
        PhotonCanceledException cancelled => cancelled.PredictionId,
        _ => null,
    };

    private static async Task<object?> InvokeAsync(FaultCase fault, FaultRig rig, CancellationToken cancellationToken) =>
        // Awaited inside an async method, so that an exception thrown before the call's first await is observed like any other.
        await fault.Act(rig, cancellationToken);

    private static CancelledAt Cancel(CancellationTokenSource cancel, FaultRig rig, Stopwatch real)
    {
        var at = new CancelledAt(real.Elapsed, rig.Time.GetUtcNow());
        cancel.Cancel();
        return at;
    }

    private static void AssertOutcome(FaultCase fault, FaultRun run)
    {
        var expect = fault.Expect;
        if (expect.Throws is null)
        {
            Assert.True(run.Error is null, $"Expected the call to succeed; it threw {run.Error}");
            return;
        }

        Assert.True(run.Error is not null, $"Expected {expect.Throws.Name}; the call returned {run.Result}.");
        Assert.True(run.Error.GetType() == expect.Throws, $"Expected {expect.Throws.Name}; got {run.Error}");
        if (run.Error is PhotonException photon)
        {
            Assert.True(expect.StatusCode == photon.StatusCode, $"Expected StatusCode {expect.StatusCode?.ToString() ?? "null"}; got {photon.StatusCode?.ToString() ?? "null"}: {photon.Message}");
            Assert.True(expect.TaskCode == photon.TaskCode, $"Expected TaskCode {expect.TaskCode?.ToString() ?? "null"}; got {photon.TaskCode?.ToString() ?? "null"}: {photon.Message}");
        }

        if (expect.Says is { } phrase) Assert.Contains(phrase, run.Error.Message, StringComparison.Ordinal);
        if (expect.PredictionMayExist is { } mayExist) Assert.Equal(mayExist, Assert.IsType<PhotonCanceledException>(run.Error).PredictionMayExist);
        if (expect.RetryAfter is { } retryAfter) Assert.Equal(retryAfter, Assert.IsType<PhotonRateLimitedException>(run.Error).RetryAfter);
        if (expect.ParamName is { } parameter) Assert.Equal(parameter, Assert.IsAssignableFrom<ArgumentException>(run.Error).ParamName);
    }

    private static void AssertPredictionIdKept(FaultCase fault, FaultRig rig, object? outcome)
    {
        var known = rig.Tap.KnownIds;
        var carried = PredictionIdOf(outcome);
        if (fault.Expect.PredictionId == PredictionIdOnOutcome.Issued)
        {
            Assert.True(known.Count == 1, $"Expected the client to learn exactly one prediction id; it learned [{string.Join(", ", known)}].");
            Assert.True(known.Single() == carried, $"The client learned prediction {known.Single()}, but the outcome carries '{carried}': {outcome}");
        }
        else if (fault.Expect.PredictionId == PredictionIdOnOutcome.RefusedWebhook)
        {
            Assert.True(known.Count == 1, $"Expected the client to learn exactly one prediction id; it learned [{string.Join(", ", known)}].");
            Assert.IsType<PhotonWebhookException>(outcome);
            Assert.Null(carried);
        }
        else
        {
            Assert.True(known.Count == 0, $"The client learned [{string.Join(", ", known)}]; the case says no id was issued.");
            Assert.Null(carried);
        }
    }

    private static void AssertPromptCancellation(FaultRun run)
    {
        Assert.True(run.Cancellation is not null, "The case never reached its cancellation point.");
        var (real, fake) = run.Cancellation.Value;
        Assert.True(real <= CancellationBound, $"The cancelled call took {real.TotalMilliseconds:0} ms of real time to end.");
        Assert.True(fake <= CancellationBound, $"The cancelled call took {fake.TotalMilliseconds:0} ms of fake time to end.");
    }

    private sealed record CancelledAt(TimeSpan Real, DateTimeOffset Fake);
}
