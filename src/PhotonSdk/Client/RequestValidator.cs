namespace PhotonSdk;

/// <summary>Checks a call's input before anything is sent, so that bad input fails at once and costs nothing.</summary>
internal static class RequestValidator
{
    public static void ValidatePrompt(string? prompt, int maxLength, string paramName)
    {
        if (prompt is null) throw new ArgumentNullException(paramName, "The prompt is required.");
        if (string.IsNullOrWhiteSpace(prompt)) throw new ArgumentException("The prompt is empty; describe the image to generate.", paramName);
        if (prompt.Length > maxLength)
            throw new ArgumentException($"The prompt is {prompt.Length} characters long; at most {maxLength} are accepted.", paramName);
    }

    public static void ValidateOptions(GenerationOptions options, PhotonModel model, string paramName)
    {
        if (options.InputImage is { } image && !IsHttpUrl(image))
            throw new ArgumentException($"options.InputImage must be an absolute http(s) URL (was '{image}'); upload a local file with UploadAsync first.", paramName);
        ValidateModelFitsImage(model, options.InputImage is not null, "set options.InputImage", "takes no options.InputImage", paramName);
        if (options.Webhook is { } webhook)
        {
            if (!IsHttpUrl(webhook)) throw new ArgumentException($"options.Webhook must be an absolute http(s) URL (was '{webhook}').", paramName);
            if (options.ResponseFormat == ImageResponseFormat.Data)
                throw new ArgumentException("options.Webhook cannot be combined with ImageResponseFormat.Data: the API does not send base64 output to webhooks.", paramName);
            if (!model.AcceptsWebhook)
                throw new ArgumentException($"Model {model.Id} takes no webhook.", paramName);
        }

        if (options.WaitTimeout is { } timeout && timeout <= TimeSpan.Zero)
            throw new ArgumentException($"options.WaitTimeout must be positive (was {timeout}).", paramName);
        if (!Enum.IsDefined(options.ResponseFormat))
            throw new ArgumentException($"options.ResponseFormat has no value {(int)options.ResponseFormat}.", paramName);
    }

    /// <summary>A modify model needs an image and a text-to-image model takes none; the hints say how the caller passes one.</summary>
    public static void ValidateModelFitsImage(PhotonModel model, bool hasImage, string howToPassOne, string whatIsRefused, string paramName)
    {
        if (model.TakesInputImage && !hasImage) throw new ArgumentException($"Model {model.Id} modifies an image: {howToPassOne}.", paramName);
        if (!model.TakesInputImage && hasImage) throw new ArgumentException($"Model {model.Id} generates from text alone and {whatIsRefused}.", paramName);
    }

    public static void ValidateTimeout(TimeSpan? timeout, string paramName)
    {
        if (timeout is { } bad && bad <= TimeSpan.Zero) throw new ArgumentException($"The wait's timeout must be positive (was {bad}).", paramName);
    }

    public static void ValidatePredictionId(string? predictionId, string paramName)
    {
        if (predictionId is null) throw new ArgumentNullException(paramName, "The prediction id is required.");
        if (string.IsNullOrWhiteSpace(predictionId)) throw new ArgumentException("The prediction id is empty.", paramName);
        if (predictionId.Length > 200 || predictionId.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
            throw new ArgumentException($"'{predictionId}' is not a prediction id.", paramName);
    }

    public static bool IsHttpUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
