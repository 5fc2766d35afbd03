using PhotonSdk.Emulator;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>The moments of a batch's traffic at which the harness stops the tool, as the emulator sees them.</summary>
public enum KillEvent
{
    /// <summary>A submit has arrived and nothing is created yet: the journal says "about to submit".</summary>
    SubmitArrived,

    /// <summary>A submit's answer has been sent in full: the prediction exists and its id is on its way into the journal.</summary>
    SubmitAnswered,

    /// <summary>A status check has been answered: the tool is waiting on an id.</summary>
    ResultAnswered,

    /// <summary>An output image has been served: the tool is saving it.</summary>
    OutputServed,

    /// <summary>A history page has been answered: the tool is reconciling uncertain rows.</summary>
    HistoryAnswered,
}

/// <summary>Which requests are which <see cref="KillEvent"/>.</summary>
public static class KillEvents
{
    public static bool Matches(this KillEvent kind, EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind switch
        {
            KillEvent.SubmitArrived => request.IsSubmit && !request.IsAnswered,
            KillEvent.SubmitAnswered => request.IsSubmit && request is { IsAnswered: true, StatusCode: 200, WasDropped: false },
            KillEvent.ResultAnswered => request.IsAnswered && request.Method == "GET" && request.Path.EndsWith("/result", StringComparison.Ordinal),
            KillEvent.OutputServed => request.IsAnswered && request.Method == "GET" && request.Path.StartsWith("/outputs/", StringComparison.Ordinal),
            KillEvent.HistoryAnswered => request.IsAnswered && request.Method == "POST" && request.Path == "/api/v3/predictions",
            _ => false,
        };
    }
}
