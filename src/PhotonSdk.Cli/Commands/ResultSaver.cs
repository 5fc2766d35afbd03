using PhotonSdk.Cli.Hosting;
using PhotonSdk.Cli.Output;
using PhotonSdk.Results;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// Saves a completed prediction's image and prints where it went, for <c>generate</c> and <c>get</c> alike; <c>get</c>
/// passes <c>resumed</c>, since it took the prediction up by its id and did not see all of it.
/// </summary>
internal static class ResultSaver
{
    public static async Task SaveAndPrintAsync(
        CommandContext context, ApiConnection connection, ImageGenerationResult result, string? output, bool json, bool force, bool resumed, CancellationToken cancellationToken)
    {
        if (output == CommonOptions.StandardOutput)
        {
            await WriteToStandardOutputAsync(context, connection, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        string path;
        try
        {
            path = await ImageFiles.SaveAsync(connection.Client, result, context.OutputTarget(output), overwrite: force, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotonImageSaveException e) when (connection.IsInProcessEmulator && e.ImageUrl is { } url)
        {
            // The emulator inside this command stops with it, so its URL is no place to fetch the image from; its state
            // keeps the prediction for `photon get`, which the failure's advice names.
            throw new PhotonImageSaveException(
                e.Message.Replace($"Its image stays at {url} for 7 days; fetch it again by the prediction id.", "The emulator keeps the prediction.", StringComparison.Ordinal),
                null, e.Path, e.InnerException)
            {
                PredictionId = e.PredictionId, ModelId = e.ModelId, StatusCode = e.StatusCode,
            };
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // The prediction is done and its output kept for 7 days: `photon get` saves it again.
            throw new PhotonCanceledException(
                $"Saving prediction {result.PredictionId} was cancelled.", result.PredictionId, predictionMayExist: true, e, cancellationToken);
        }

        var image = SavedImage.From(result, path, urlOutlivesCommand: !connection.IsInProcessEmulator);
        if (json)
        {
            await SavedImageWriter.WriteJsonAsync(context.Terminal.Out, image).ConfigureAwait(false);
        }
        else
        {
            await SavedImageWriter.WriteTextAsync(context.Terminal.Out, image, context.Environment.WorkingDirectory, resumed).ConfigureAwait(false);
        }
    }

    /// <summary>The image's bytes on stdout, for a pipe; what was written, and from which prediction, on stderr.</summary>
    private static async Task WriteToStandardOutputAsync(CommandContext context, ApiConnection connection, ImageGenerationResult result, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        var mediaType = await connection.Client.DownloadAsync(result.Image, bytes, cancellationToken).ConfigureAwait(false);
        var stdout = context.Environment.OpenStandardOutput();
        await using (stdout.ConfigureAwait(false))
        {
            bytes.Position = 0;
            await bytes.CopyToAsync(stdout, cancellationToken).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await context.Terminal.Error.WriteLineAsync(
            $"Wrote {bytes.Length} bytes ({mediaType ?? "unknown type"}) of prediction {result.PredictionId} ({result.ModelId}) to stdout.").ConfigureAwait(false);
    }
}
