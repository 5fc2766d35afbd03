namespace PhotonSdk.Emulator;

/// <summary>One request as <see cref="EmulatorOptions.OnRequest"/> sees it: when it arrives, and once it is answered.</summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(string method, string path, bool isSubmit, int? statusCode)
    {
        Method = method;
        Path = path;
        IsSubmit = isSubmit;
        StatusCode = statusCode;
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path, e.g. <c>/api/v3/luma/photon-flash</c> or <c>/outputs/{id}/0.png</c>.</summary>
    public string Path { get; }

    /// <summary>Whether it submits a prediction.</summary>
    public bool IsSubmit { get; }

    /// <summary>The status answered; <see langword="null"/> when the request has just arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether the request has been answered (or dropped) rather than just arrived.</summary>
    public bool IsAnswered => StatusCode is not null;

    /// <summary>Whether the connection was dropped instead of answered (an injected reset).</summary>
    public bool WasDropped { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}" + (StatusCode is { } status ? $" -> {(WasDropped ? "dropped" : status)}" : "");
}
