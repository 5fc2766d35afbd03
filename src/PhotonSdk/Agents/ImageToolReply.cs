namespace PhotonSdk.Agents;

/// <summary>
/// The answer of one of the <see cref="PhotonImageTools"/>: short text for a model (never image bytes), whether it
/// reports an error, and the facts behind it for the host (the prediction and its result).
/// </summary>
public sealed class ImageToolReply
{
    internal ImageToolReply(ImageToolOutcome outcome, string text, string? predictionId = null, ImageGenerationResult? result = null)
    {
        Outcome = outcome;
        Text = text;
        PredictionId = predictionId ?? result?.PredictionId;
        Result = result;
    }

    /// <summary>What the call came to.</summary>
    public ImageToolOutcome Outcome { get; }

    /// <summary>
    /// The text for the model: the image URL, prediction id, model and cost; or what went wrong and what to do next.
    /// URLs and ids are written verbatim, each line ends with <c>\n</c> on every platform.
    /// </summary>
    public string Text { get; }

    /// <summary>
    /// Whether the call did not give what it was asked for (anything but <see cref="ImageToolOutcome.Ready"/> and
    /// <see cref="ImageToolOutcome.Information"/>; an image still generating included, since the model must act on it),
    /// so that a host that marks tool errors (MCP's <c>isError</c>) can.
    /// </summary>
    public bool IsError => Outcome is not (ImageToolOutcome.Ready or ImageToolOutcome.Information);

    /// <summary>The prediction the reply is about, when one exists.</summary>
    public string? PredictionId { get; }

    /// <summary>The finished prediction, when <see cref="Outcome"/> is <see cref="ImageToolOutcome.Ready"/>.</summary>
    public ImageGenerationResult? Result { get; }

    /// <summary>The <see cref="Text"/>.</summary>
    /// <returns>The text for the model.</returns>
    public override string ToString() => Text;
}
