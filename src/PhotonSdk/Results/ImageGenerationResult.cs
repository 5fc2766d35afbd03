namespace PhotonSdk;

/// <summary>A completed prediction: its images, which model served it, what it cost and how long it took.</summary>
public sealed class ImageGenerationResult
{
    internal ImageGenerationResult(
        string predictionId, string modelId, IReadOnlyList<GeneratedImage> images, decimal? costUsd, PredictionTimings timings, int pollCount, string? requestedModelId = null)
    {
        PredictionId = predictionId;
        ModelId = modelId;
        Images = images;
        CostUsd = costUsd;
        Timings = timings;
        PollCount = pollCount;
        RequestedModelId = requestedModelId;
    }

    /// <summary>The prediction id.</summary>
    public string PredictionId { get; }

    /// <summary>The id of the model that served the prediction.</summary>
    public string ModelId { get; }

    /// <summary>The model that served the prediction, when it is in the catalog.</summary>
    public PhotonModel? Model => PhotonModels.TryFind(ModelId, out var model) ? model : null;

    /// <summary>The model first asked for, when the fallback policy served the prediction with another; else <see langword="null"/>.</summary>
    public string? RequestedModelId { get; }

    /// <summary>The output images; Photon models return one.</summary>
    public IReadOnlyList<GeneratedImage> Images { get; }

    /// <summary>The first output image.</summary>
    public GeneratedImage Image => Images[0];

    /// <summary>The price of the prediction in US dollars (the model's price per image times the images), when the model is in the catalog.</summary>
    public decimal? CostUsd { get; }

    /// <summary>How long the prediction took.</summary>
    public PredictionTimings Timings { get; }

    /// <summary>How many result requests the wait sent (0 when sync mode answered at once).</summary>
    public int PollCount { get; }
}
