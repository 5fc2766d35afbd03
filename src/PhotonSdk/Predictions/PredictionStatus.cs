namespace PhotonSdk;

/// <summary>
/// A prediction's status as the server names it. The set is open: a value the SDK does not know is kept by name
/// (<see cref="IsKnown"/> is <see langword="false"/>) and treated as not terminal.
/// </summary>
public readonly struct PredictionStatus : IEquatable<PredictionStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from the server's name for it.</summary>
    /// <param name="value">The name, e.g. <c>processing</c>; compared case-insensitively.</param>
    public PredictionStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = KnownName(value) ?? value.Trim().ToLowerInvariant();
    }

    // The server's names arrive exactly so on every poll: one shared instance each turns comparisons into reference checks
    // and saves a lower-cased copy per poll (kept for PredictionBenchmarks' allocation figure).
    private static string? KnownName(string value) => value switch
    {
        "created" => "created",
        "pending" => "pending",
        "processing" => "processing",
        "completed" => "completed",
        "failed" => "failed",
        "cancelled" => "cancelled",
        "timeout" => "timeout",
        "deleted" => "deleted",
        _ => null,
    };

    /// <summary>Accepted, not yet started.</summary>
    public static PredictionStatus Created { get; } = new("created");

    /// <summary>Queued (seen in some responses).</summary>
    public static PredictionStatus Pending { get; } = new("pending");

    /// <summary>Running.</summary>
    public static PredictionStatus Processing { get; } = new("processing");

    /// <summary>Finished with outputs.</summary>
    public static PredictionStatus Completed { get; } = new("completed");

    /// <summary>Finished without outputs; the prediction's error says why.</summary>
    public static PredictionStatus Failed { get; } = new("failed");

    /// <summary>Cancelled on the server.</summary>
    public static PredictionStatus Cancelled { get; } = new("cancelled");

    /// <summary>Timed out on the server.</summary>
    public static PredictionStatus Timeout { get; } = new("timeout");

    /// <summary>Deleted.</summary>
    public static PredictionStatus Deleted { get; } = new("deleted");

    /// <summary>The server's name for the status; <c>unknown</c> for a default value.</summary>
    public string Value => _value ?? "unknown";

    /// <summary>Whether the prediction will not change any more.</summary>
    public bool IsTerminal => this == Completed || this == Failed || this == Cancelled || this == Timeout || this == Deleted;

    /// <summary>Whether the status is one the SDK knows.</summary>
    public bool IsKnown => IsTerminal || this == Created || this == Pending || this == Processing;

    /// <summary>Compares two statuses by name.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether they have the same name.</returns>
    public static bool operator ==(PredictionStatus left, PredictionStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by name.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether their names differ.</returns>
    public static bool operator !=(PredictionStatus left, PredictionStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(PredictionStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PredictionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>The status of a prediction as the API sends it; <see langword="default"/> when it has none.</summary>
    internal static PredictionStatus Of(Rest.Prediction prediction) =>
        string.IsNullOrWhiteSpace(prediction.Status) ? default : new PredictionStatus(prediction.Status);
}
