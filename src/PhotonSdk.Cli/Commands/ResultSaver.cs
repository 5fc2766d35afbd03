using PhotonSdk.Cli.Hosting;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Commands;

/// <summary>Saves a completed prediction's image and prints where it went, for <c>generate</c> and <c>get</c> alike.</summary>
internal static class ResultSaver
{
    public static async Task SaveAndPrintAsync(
        CommandContext context, ApiConnection connection, ImageGenerationResult result, string? output, bool json, CancellationToken cancellationToken)
    {
        string path;
        try
        {
            path = await connection.Client.SaveAsync(result, context.OutputTarget(output), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // The prediction is done and its output kept for 7 days: `photon get` saves it again.
            throw new PhotonCanceledException(
                $"Saving prediction {result.PredictionId} was cancelled.", result.PredictionId, predictionMayExist: true, e, cancellationToken);
        }

        var image = SavedImage.From(result, path);
        if (json)
        {
            await SavedImageWriter.WriteJsonAsync(context.Terminal.Out, image).ConfigureAwait(false);
        }
        else
        {
            await SavedImageWriter.WriteTextAsync(context.Terminal.Out, image, context.Environment.WorkingDirectory, showUrl: !connection.IsInProcessEmulator)
                .ConfigureAwait(false);
        }
    }
}
