using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Commands;

/// <summary>What became of one prompt of a batch: a saved file, or a failure.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Path">The file written, when it succeeded.</param>
/// <param name="CostUsd">What it was billed, when a prediction finished (saved or not).</param>
/// <param name="Failure">Why it failed, when it did.</param>
internal sealed record BatchOutcome(BatchPrompt Prompt, string? Path, decimal? CostUsd, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>Whether it was stopped by a cancellation rather than failing; its prediction may still be running.</summary>
    public bool Cancelled => Failure?.ExitCode == ExitCodes.Cancelled;
}
