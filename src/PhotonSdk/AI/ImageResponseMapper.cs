using Microsoft.Extensions.AI;

namespace PhotonSdk.AI;

/// <summary>Turns the SDK's results into an <see cref="ImageGenerationResponse"/>: URLs as <see cref="UriContent"/>, bytes as <see cref="DataContent"/>.</summary>
internal static class ImageResponseMapper
{
    // A URL without a known extension still points at an image; M.E.AI accepts a wildcard subtype for that.
    private const string AnyImage = "image/*";
    private const string UnknownBytes = "application/octet-stream";

    public static ImageGenerationResponse Map(IReadOnlyList<ImageGenerationResult> results)
    {
        var contents = new List<AIContent>();
        foreach (var result in results)
        {
            foreach (var image in result.Images)
            {
                AIContent content = image.Data is { } data
                    ? new DataContent(data, image.MediaType ?? UnknownBytes)
                    : new UriContent(image.Url!, image.MediaType ?? AnyImage);
                content.RawRepresentation = image;
                content.AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [PhotonImageGeneratorExtensions.PredictionIdProperty] = result.PredictionId,
                    [PhotonImageGeneratorExtensions.ModelIdProperty] = result.ModelId,
                };
                if (result.CostUsd is { } cost) content.AdditionalProperties[PhotonImageGeneratorExtensions.CostUsdProperty] = cost;
                contents.Add(content);
            }
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = results };
    }
}
