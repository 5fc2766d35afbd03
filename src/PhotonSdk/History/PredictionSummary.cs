using System.Text.Json;

namespace PhotonSdk;

/// <summary>A prediction as the history lists it (or a webhook delivers it).</summary>
/// <remarks>Made by the client from what the server sends; tests create one with <see cref="PhotonModelFactory"/>.</remarks>
public sealed class PredictionSummary
{
    internal PredictionSummary(string id, string? modelId, PredictionStatus status, DateTimeOffset? createdAt, IReadOnlyList<string> outputs, string? error, TimeSpan? executionTime, JsonElement? input = null)
    {
        Id = id;
        ModelId = modelId;
        Status = status;
        CreatedAt = createdAt;
        Outputs = outputs;
        Error = error;
        ExecutionTime = executionTime;
        Input = input;
    }

    /// <summary>The prediction id.</summary>
    public string Id { get; }

    /// <summary>The model id.</summary>
    public string? ModelId { get; }

    /// <summary>The status.</summary>
    public PredictionStatus Status { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>Its outputs: URLs, or base64 for predictions that asked for data.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The server's error text, for failed predictions.</summary>
    public string? Error { get; }

    /// <summary>The server's execution time.</summary>
    public TimeSpan? ExecutionTime { get; }

    /// <summary>
    /// The input the prediction was submitted with (a JSON object such as <c>{"prompt": "…"}</c>), as the server echoed
    /// it; <see langword="null"/> when it did not. Webhook deliveries carry it; whether history items do is not
    /// documented, so code that relies on it must cope with its absence.
    /// </summary>
    public JsonElement? Input { get; }

    /// <summary>The prompt in the echoed <see cref="Input"/>, when there is one.</summary>
    public string? Prompt => InputText("prompt");

    /// <summary>A text field of the echoed <see cref="Input"/>, or <see langword="null"/>.</summary>
    internal string? InputText(string name) =>
        Input is { ValueKind: JsonValueKind.Object } input && input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
