using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>
/// A spinner on stderr with one line of status, drawn only on a terminal; elsewhere the work runs silently, so that
/// redirected output holds no animation frames.
/// </summary>
internal static class LiveStatus
{
    public static async Task<T> RunAsync<T>(Terminal terminal, string initialStatus, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(work);
        if (!terminal.IsInteractive) return await work(_ => { }).ConfigureAwait(false);

        return await terminal.ErrorConsole.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(initialStatus), context => work(text => context.Status(Markup.Escape(text))))
            .ConfigureAwait(false);
    }

    /// <summary>The status line of a prediction, e.g. <c>Prediction 3f2a… (luma/photon-flash): processing</c>.</summary>
    public static string Describe(PredictionHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return $"Prediction {handle.Id} ({handle.ModelId ?? "model unknown"}): {handle.Status}";
    }
}
