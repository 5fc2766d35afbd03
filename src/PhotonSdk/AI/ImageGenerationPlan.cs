using Microsoft.Extensions.AI;
using PhotonSdk.Routing;

namespace PhotonSdk.AI;

/// <summary>
/// What one <see cref="IImageGenerator.GenerateAsync"/> call will send, worked out and checked before anything is sent:
/// the prompt, the SDK options, how many predictions, and the original image still to upload, if any.
/// </summary>
internal sealed class ImageGenerationPlan
{
    private ImageGenerationPlan(string prompt, GenerationOptions options, int count, DataContent? imageToUpload)
    {
        Prompt = prompt;
        Options = options;
        Count = count;
        ImageToUpload = imageToUpload;
    }

    public string Prompt { get; }

    /// <summary>The SDK options; <see cref="GenerationOptions.InputImage"/> is still unset while <see cref="ImageToUpload"/> is not null.</summary>
    public GenerationOptions Options { get; }

    public int Count { get; }

    public DataContent? ImageToUpload { get; }

    /// <exception cref="ArgumentException">The request or the options cannot be served; nothing has been sent.</exception>
    public static ImageGenerationPlan Create(
        ImageGenerationRequest request, ImageGenerationOptions? options, IImageGenerator generator, PhotonModel? defaultModel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
            throw new ArgumentException("request.Prompt is empty; describe the image to generate.", nameof(request));

        var count = options?.Count ?? 1;
        if (count < 1) throw new ArgumentException($"options.Count must be at least 1 (was {count}).", nameof(options));

        // The factory's object is the caller's; a copy keeps the filled-in fields out of it.
        var sdkOptions = (options?.RawRepresentationFactory?.Invoke(generator) as GenerationOptions)?.Clone() ?? new GenerationOptions();
        var originalImage = SingleOriginalImage(request);

        DataContent? imageToUpload = null;
        if (sdkOptions.InputImage is null && originalImage is not null)
        {
            switch (originalImage)
            {
                case DataContent data:
                    imageToUpload = data;
                    break;
                case UriContent { Uri: var uri } when RequestValidator.IsHttpUrl(uri):
                    sdkOptions.InputImage = uri;
                    break;
                case UriContent { Uri: var uri }:
                    throw new ArgumentException(
                        $"The original image's URL must be an absolute http(s) URL (was '{uri}'); pass the bytes as DataContent to upload them.", nameof(request));
                default:
                    throw new ArgumentException(
                        $"The original image must be a UriContent or a DataContent (was {originalImage.GetType().Name}).", nameof(request));
            }
        }

        var modifies = sdkOptions.InputImage is not null || imageToUpload is not null;
        var chosen = options?.ModelId is { } modelId ? PhotonModels.Get(modelId, nameof(options)) : defaultModel;
        if (sdkOptions.Model is null && sdkOptions.Quality is null && chosen is not null)
        {
            // Decided here rather than by the client because an image may still have to be uploaded first.
            sdkOptions.Model = ModelRouter.WithImage(chosen, modifies).Id;
        }

        if (sdkOptions.Model is not null)
        {
            RequestValidator.ValidateModelFitsImage(
                PhotonModels.Get(sdkOptions.Model, nameof(options)), modifies, "pass one in request.OriginalImages", "cannot take an original image", nameof(options));
        }

        // Url is both the SDK's default and "unset"; a factory that asked for Data keeps it even when the options say Uri.
        if (options?.ResponseFormat == ImageGenerationResponseFormat.Data) sdkOptions.ResponseFormat = ImageResponseFormat.Data;

        return new ImageGenerationPlan(request.Prompt, sdkOptions, count, imageToUpload);
    }

    private static AIContent? SingleOriginalImage(ImageGenerationRequest request)
    {
        if (request.OriginalImages is null) return null;
        var images = request.OriginalImages.ToList();
        return images.Count switch
        {
            0 => null,
            1 => images[0] ?? throw new ArgumentException("request.OriginalImages holds a null entry.", nameof(request)),
            _ => throw new ArgumentException($"Photon modifies one image at a time; request.OriginalImages holds {images.Count}.", nameof(request)),
        };
    }
}
