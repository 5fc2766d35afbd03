using System.CommandLine;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;
using PhotonSdk.Cli.Waiting;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon generate "prompt"</c>: submits one prediction, shows its status while it runs, saves the image.</summary>
internal static class GenerateCommand
{
    public static Command Create(CommandContext context)
    {
        var prompt = new Argument<string>("prompt") { Description = "What to generate" };
        var model = CommonOptions.Model();
        var output = CommonOptions.Out(CommonOptions.OutRules);
        var force = CommonOptions.Force();
        var base64 = new Option<bool>("--base64") { Description = "Receive the image bytes in the response instead of a URL" };
        var sync = new Option<bool>("--sync") { Description = "Ask the server to answer the submit only when the image is ready" };
        var json = CommonOptions.Json();
        var image = new Option<string?>("--image", "-i")
        {
            Description = "Modify this image instead of starting from nothing: a local PNG, JPEG or WebP (uploaded first) or an http(s) URL; " +
                          "the modify model of the chosen tier is used",
            HelpName = "path|url",
        };

        var command = new Command("generate", "Generate an image from a prompt and save it") { prompt, model, image, output, force, base64, sync, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = CommonOptions.ForModel(parse.GetValue(model));
            options.ResponseFormat = parse.GetValue(base64) ? ImageResponseFormat.Data : ImageResponseFormat.Url;
            options.SyncMode = parse.GetValue(sync);
            return RunAsync(context, parse.GetValue(prompt) ?? "", options, parse.GetValue(image), parse.GetValue(output), parse.GetValue(force), parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context, string prompt, GenerationOptions options, string? image, string? output, bool force, bool json, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw new ArgumentException("The prompt is empty; describe the image to generate. Nothing was submitted.");
        if (json && output == CommonOptions.StandardOutput) throw new ArgumentException("--json and --out - both write to stdout; choose one.");
        OutputPreflight.EnsureWritable(context.OutputTarget(output), force);
        var imageUrl = image is null ? null : InputImage.AsUrl(image);
        var imageFile = image is not null && imageUrl is null ? context.Environment.ResolvePath(image) : null;
        var imageType = imageFile is null ? null : await InputImage.CheckFileAsync(imageFile, image!, "Nothing was uploaded or submitted.", cancellationToken).ConfigureAwait(false);
        if (image is not null && options.Model is { } chosen && PhotonModels.Get(chosen) is { TakesInputImage: false } textModel)
        {
            // --model names the tier; with an image the tier's modify model serves it.
            options.Model = PhotonModels.ForQuality(textModel.Quality, modifiesImage: true).Id;
        }

        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (imageFile is not null)
            {
                var file = File.OpenRead(imageFile);
                await using (file.ConfigureAwait(false))
                {
                    var upload = await connection.Client.UploadAsync(file, Path.GetFileName(imageFile), imageType, cancellationToken).ConfigureAwait(false);
                    imageUrl = upload.DownloadUrl;
                    await context.Terminal.Error.WriteLineAsync($"Uploaded {image} ({upload.Size} bytes).").ConfigureAwait(false);
                }
            }

            options.InputImage = imageUrl;
            var client = connection.Client;
            var initial = options.SyncMode ? "Submitting (sync mode: the server answers when the image is ready)…" : "Submitting…";
            var result = await LiveStatus.RunAsync(context.Terminal, initial, async report =>
            {
                var handle = await client.SubmitAsync(prompt, options, cancellationToken).ConfigureAwait(false);
                if (!context.Terminal.IsInteractive)
                {
                    // Without a live display, logs still get the id before the wait, so that a killed run can be resumed.
                    await context.Terminal.Error.WriteLineAsync($"Submitted prediction {handle.Id} ({handle.ModelId}); waiting for it.").ConfigureAwait(false);
                }

                return await PredictionWatcher.WaitAsync(
                    client, handle, context.Terminal.IsInteractive ? h => report(LiveStatus.Describe(h)) : null, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

            await ResultSaver.SaveAndPrintAsync(context, connection, result, output, json, force, resumed: false, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }
}
