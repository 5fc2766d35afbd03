namespace PhotonSdk.Agents;

/// <summary>Limits of one <see cref="PhotonImageTools"/>: how long it waits, what prompt it takes and how much it may spend.</summary>
public sealed class PhotonImageToolsOptions
{
    /// <summary>The most images one instance generates. Default 10.</summary>
    [NotNegative]
    public int MaxImages { get; set; } = 10;

    /// <summary>The most one instance spends, in US dollars, at the catalog's prices. Default 1.00.</summary>
    [NotNegative]
    public decimal MaxCostUsd { get; set; } = 1.00m;

    /// <summary>
    /// The longest a tool waits for an image before it answers with the prediction id instead, so that the agent can
    /// call <c>get_image_result</c> later; a call's <c>wait_seconds</c> can only shorten it. Default 2 minutes.
    /// </summary>
    [Positive]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest prompt accepted, in characters. Default <see cref="PhotonClientOptions.DefaultMaxPromptLength"/>, the
    /// client's own limit, so that a prompt the tools accept is one the client accepts too.
    /// </summary>
    [Positive]
    public int MaxPromptLength { get; set; } = PhotonClientOptions.DefaultMaxPromptLength;

    /// <summary>
    /// How often a waiting tool reports progress to a caller that asked for it (an MCP client with a progress token).
    /// Default 2 seconds.
    /// </summary>
    [Positive]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock of the progress reports. Default <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy, so that the tools are not changed by later changes to the caller's object.</summary>
    internal PhotonImageToolsOptions Clone() => (PhotonImageToolsOptions)MemberwiseClone();

    /// <exception cref="ArgumentException">An option is out of range; the message lists every one that is.</exception>
    internal void Validate(string paramName)
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, paramName);
        OptionsValidator.ThrowIfInvalid(this, paramName);
    }
}
