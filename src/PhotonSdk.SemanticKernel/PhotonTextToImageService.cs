using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Services;
using Microsoft.SemanticKernel.TextToImage;

namespace PhotonSdk.SemanticKernel;

/// <summary>
/// Semantic Kernel's <see cref="ITextToImageService"/> over an <see cref="IPhotonClient"/>. Each call runs one prediction
/// and returns its image as an <see cref="ImageContent"/> holding the URL (WaveSpeed keeps it for 7 days), with the
/// <see cref="ImageGenerationResult"/> as <see cref="KernelContent.InnerContent"/>.
/// </summary>
/// <remarks>
/// Photon on WaveSpeed takes no size: the width and height that <c>GenerateImageAsync(description, width, height)</c>
/// passes are ignored, and the model picks the size. The model comes from
/// <see cref="PromptExecutionSettings.ModelId"/>, else the one given here, else the client's routing.
/// </remarks>
[Experimental("SKEXP0001")]
public sealed class PhotonTextToImageService : ITextToImageService
{
    /// <summary>
    /// The key of the prediction id in each returned content's <see cref="KernelContent.Metadata"/>; the same key as
    /// the Microsoft.Extensions.AI adapter's (<see cref="PhotonImageGeneratorExtensions.PredictionIdProperty"/>).
    /// </summary>
    public const string PredictionIdMetadataKey = PhotonImageGeneratorExtensions.PredictionIdProperty;

    /// <summary>
    /// The key of the prediction's price in US dollars in each returned content's <see cref="KernelContent.Metadata"/>;
    /// the same key as the Microsoft.Extensions.AI adapter's (<see cref="PhotonImageGeneratorExtensions.CostUsdProperty"/>).
    /// </summary>
    public const string CostUsdMetadataKey = PhotonImageGeneratorExtensions.CostUsdProperty;

    private readonly IPhotonClient _client;
    private readonly string? _modelId;

    /// <summary>Creates the service.</summary>
    /// <param name="client">The client that sends the predictions.</param>
    /// <param name="modelId">The default model: an id, a name or an alias (<c>flash</c>, <c>photon</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> names no model in the catalog.</exception>
    public PhotonTextToImageService(IPhotonClient client, string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _modelId = modelId is null ? null : PhotonModels.Get(modelId).Id;
        Attributes = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = _modelId };
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImageContent>> GetImageContentsAsync(
        TextContent input, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var modelId = executionSettings?.ModelId is { } requested ? PhotonModels.Get(requested).Id : _modelId;
        var result = await _client.GenerateAsync(input.Text ?? "", new GenerationOptions { Model = modelId }, cancellationToken).ConfigureAwait(false);

        var metadata = new Dictionary<string, object?> { [PredictionIdMetadataKey] = result.PredictionId, [CostUsdMetadataKey] = result.CostUsd };
        return result.Images
            .Select(image => new ImageContent(image.Url ?? throw new InvalidOperationException($"Prediction {result.PredictionId} returned bytes where a URL was asked for."))
            {
                MimeType = image.MediaType,
                ModelId = result.ModelId,
                InnerContent = result,
                Metadata = metadata,
            })
            .ToList();
    }
}
