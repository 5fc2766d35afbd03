using PhotonSdk.Rest;

namespace PhotonSdk.Results;

/// <summary>Turns a completed prediction into an <see cref="ImageGenerationResult"/>, checking each output.</summary>
internal static class ResultMapper
{
    public static ImageGenerationResult Map(Prediction prediction, string? knownModelId, TimeSpan elapsed, int pollCount, string? requestedModelId)
    {
        var outputs = prediction.Outputs ?? [];
        var modelId = string.IsNullOrEmpty(prediction.Model) ? knownModelId ?? "unknown" : prediction.Model;
        if (outputs.Count == 0)
        {
            throw new PhotonServerException($"Prediction {prediction.Id} completed without outputs.")
            {
                PredictionId = prediction.Id, ModelId = modelId,
            };
        }

        var images = new GeneratedImage[outputs.Count];
        for (var i = 0; i < outputs.Count; i++)
        {
            var nsfw = prediction.Has_nsfw_contents is { } flags && i < flags.Count && flags[i];
            images[i] = MapOutput(prediction.Id, modelId, i, outputs[i], nsfw);
        }

        decimal? cost = PhotonModels.TryFind(modelId, out var model) ? model.PricePerImageUsd * images.Length : null;
        var timings = new PredictionTimings(
            prediction.Created_at,
            prediction.Timings?.Inference is { } inference ? TimeSpan.FromMilliseconds(inference) : null,
            prediction.ExecutionTime is { } execution ? TimeSpan.FromMilliseconds(execution) : null,
            elapsed);
        return new ImageGenerationResult(prediction.Id, modelId, images, cost, timings, pollCount, requestedModelId);
    }

    private static GeneratedImage MapOutput(string predictionId, string modelId, int index, string output, bool nsfw)
    {
        if (Uri.TryCreate(output, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return GeneratedImage.AtUrl(predictionId, index, url, nsfw);
        }

        // WaveSpeed's base64 is bare (no data: prefix); anything that is neither a URL nor base64 is a broken answer.
        var buffer = new byte[output.Length * 3 / 4 + 3];
        if (output.Length > 0 && Convert.TryFromBase64String(output, buffer, out var written))
        {
            var bytes = buffer.AsMemory(0, written);
            return new GeneratedImage(predictionId, index, null, bytes, MediaTypes.Sniff(bytes.Span), nsfw);
        }

        throw new PhotonServerException($"Output {index} of prediction {predictionId} is neither an http(s) URL nor base64 image data.")
        {
            PredictionId = predictionId, ModelId = modelId,
        };
    }
}
