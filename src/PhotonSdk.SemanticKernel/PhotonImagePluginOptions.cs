using System.ComponentModel.DataAnnotations;

namespace PhotonSdk.SemanticKernel;

/// <summary>Limits of one <see cref="PhotonImagePlugin"/>: how long it waits, what prompt it takes and how much it may spend.</summary>
public sealed class PhotonImagePluginOptions
{
    /// <summary>The most images one plugin instance generates. Default 10.</summary>
    [NotNegative]
    public int MaxImages { get; set; } = 10;

    /// <summary>The most one plugin instance spends, in US dollars, at the catalog's prices. Default 1.00.</summary>
    [NotNegative]
    public decimal MaxCostUsd { get; set; } = 1.00m;

    /// <summary>
    /// How long a function waits for an image before it answers with the prediction id instead, so that the agent can
    /// call <c>get_image_result</c> later. Default 2 minutes.
    /// </summary>
    [Positive]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest prompt accepted, in characters. Default <see cref="PhotonClientOptions.DefaultMaxPromptLength"/>, the
    /// client's own limit, so that a prompt the agent tools accept is one the client accepts too.
    /// </summary>
    [Positive]
    public int MaxPromptLength { get; set; } = PhotonClientOptions.DefaultMaxPromptLength;

    /// <exception cref="ArgumentException">An option is out of range; the message lists every one that is.</exception>
    internal void Validate(string paramName) => OptionsValidator.ThrowIfInvalid(this, paramName);
}
