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

        sdkOptions.ResponseFormat = ResponseFormatFor(options?.ResponseFormat, sdkOptions);

        return new ImageGenerationPlan(request.Prompt, sdkOptions, count, imageToUpload);
    }

    /// <summary>
    /// Bytes unless URLs are asked for. M.E.AI's own generators return bytes when no format is given, and its image tool
    /// (<c>UseImageGeneration</c>) keeps only <see cref="DataContent"/> outputs, so an unset format must not mean URLs.
    /// The SDK's <see cref="ImageResponseFormat.Url"/> is both its default and "unset", so a factory's options change the
    /// outcome only when they ask for <see cref="ImageResponseFormat.Data"/> (kept even when the options say Uri) or set a
    /// webhook, which the API does not combine with bytes (then an unset format gives URLs).
    /// </summary>
    private static ImageResponseFormat ResponseFormatFor(ImageGenerationResponseFormat? format, GenerationOptions sdkOptions) => format switch
    {
        ImageGenerationResponseFormat.Data => ImageResponseFormat.Data,
        null when sdkOptions.Webhook is null => ImageResponseFormat.Data,
        _ => sdkOptions.ResponseFormat,
    };

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
