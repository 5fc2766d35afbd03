using Microsoft.Extensions.AI;
using PhotonSdk.Emulator;
using PhotonSdk.Rest;

namespace PhotonSdk.Samples.Snippets;

/// <summary>Each method is one README snippet; Program runs them all against the emulator.</summary>
internal static class Snippets
{
    public static async Task<string> EmulatorInATestAsync()
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "any-key", BaseUrl = emulator.BaseUrl });

        var result = await client.GenerateAsync("A lighthouse at dawn");
        return $"{result.ModelId} {result.Image.Url}";
    }

    public static async Task<string> SubmitNowWaitLaterAsync(PhotonClient client, CancellationToken cancellationToken)
    {
        PredictionHandle handle = await client.SubmitAsync("A lighthouse at dawn", cancellationToken: cancellationToken);
        Console.WriteLine($"Submitted {handle.Id}");                 // keep the id: it resumes the work anywhere

        ImageGenerationResult done = await handle.WaitForCompletionAsync(cancellationToken: cancellationToken);

        // Later, in another process: a handle from the id alone sends nothing until you wait on it.
        ImageGenerationResult again = await client.GetPrediction(handle.Id).WaitForCompletionAsync(cancellationToken: cancellationToken);
        return $"{done.PredictionId} == {again.PredictionId}";
    }

    public static async Task<string> BytesInsteadOfUrlsAsync(PhotonClient client)
    {
        var result = await client.GenerateAsync("A red fox in the snow", new GenerationOptions { ResponseFormat = ImageResponseFormat.Data });
        GeneratedImage image = result.Image;                             // image.Url is null, image.Data holds the bytes
        await File.WriteAllBytesAsync("fox.png", image.Data!.Value.ToArray());
        return $"{image.MediaType}, {image.Data.Value.Length} bytes";  // the media type is sniffed: WaveSpeed sends bare base64
    }

    public static async Task<string> ModifyAnUploadedImageAsync(PhotonClient client)
    {
        await using var file = File.OpenRead("fox.png");
        UploadedMedia upload = await client.UploadAsync(file, "fox.png");
        var night = await client.GenerateAsync("The same fox at night under the northern lights",
            new GenerationOptions { InputImage = upload.DownloadUrl });           // routes to a modify model
        return $"{night.ModelId}: {night.Image.Url}";
    }

    public static async Task<string> HandleErrorsAsync(PhotonClient client, string prompt)
    {
        try
        {
            var result = await client.GenerateAsync(prompt);
            return result.Image.Url!.ToString();
        }
        catch (PhotonContentModerationException)
        {
            return "Refused by moderation: rephrase the prompt.";
        }
        catch (PhotonWaitTimeoutException e)
        {
            return $"Still running: resume later with GetPrediction(\"{e.PredictionId}\").";
        }
        catch (PhotonSubmissionUncertainException)
        {
            return "The submit may have created a prediction: check GetHistoryAsync before submitting again.";
        }
        catch (PhotonException e)
        {
            return $"{e.GetType().Name} (HTTP {e.StatusCode}, prediction {e.PredictionId ?? "none"}): {e.Message}";
        }
    }

    public static async Task<string> ImageGeneratorAsync(PhotonClient client)
    {
        using IImageGenerator generator = client.AsIImageGenerator(defaultModelId: "flash");

        ImageGenerationResponse response = await generator.GenerateImagesAsync(
            "A paper boat on a puddle, macro photo",
            new ImageGenerationOptions { ModelId = "photon", ResponseFormat = ImageGenerationResponseFormat.Uri, Count = 2 });

        return string.Join(", ", response.Contents.OfType<UriContent>().Select(image => image.Uri));
    }

    public static IChatClient ChatWithPhotonImages(IChatClient model, IPhotonClient client) =>
        model.AsBuilder()
            .UseImageGeneration(client.AsIImageGenerator(defaultModelId: "flash"))  // outer: swaps the tool for GenerateImage/EditImage functions
            .UseFunctionInvocation()                                                  // inner: runs those functions
            .Build();

    public static async Task<string> ImageToolTurnAsync(IChatClient chat, List<ChatMessage> history)
    {
        var options = new ChatOptions { Tools = [new HostedImageGenerationTool()] };    // no ResponseFormat: bytes
        ChatResponse response = await chat.GetResponseAsync(history, options);
        history.AddMessages(response);                    // keeps the image, so that a later turn can edit it

        var images = response.Messages.SelectMany(message => message.Contents)
            .OfType<ImageGenerationToolResultContent>()
            .SelectMany(result => result.Outputs ?? [])
            .OfType<DataContent>();
        return string.Join(", ", images.Select(image => $"{image.MediaType}, {image.Data.Length} bytes")) + " | " + response.Text;
    }

    public static async Task<WebhookVerifier> WebhookVerifierAsync(PhotonClient client)
    {
        // Once, at start-up: the account's signing secret, through the generated REST client (GET /api/v3/webhook/secret).
        WebhookSecretResponse answer = await client.Rest.GetWebhookSecretAsync(CancellationToken.None);
        return new WebhookVerifier(answer.Data!.Secret!);
    }

    public static string VerifyWebhook(WebhookVerifier verifier, string? id, string? timestamp, string? signature, byte[] rawBody)
    {
        try
        {
            PredictionSummary prediction = verifier.Verify(id, timestamp, signature, rawBody);
            return $"{prediction.Id} is {prediction.Status}";
        }
        catch (PhotonWebhookException e)
        {
            return $"Rejected: {e.Message}";                         // answer 400 and ignore the body
        }
    }
}
