using System.CommandLine;
using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon upload FILE</c>: uploads a local file and prints the URL to pass as a model input.</summary>
internal static class UploadCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The image to upload (PNG, JPEG or WebP), e.g. to modify with generate --image" };
        var command = new Command("upload", "Upload an image and print its URL (kept 7 days)") { file };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(file) ?? "", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string file, CancellationToken cancellationToken)
    {
        var path = context.Environment.ResolvePath(file);
        var mediaType = await InputImage.CheckFileAsync(path, file, "Nothing was uploaded.", cancellationToken).ConfigureAwait(false);

        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var upload = await connection.Client.UploadAsync(stream, Path.GetFileName(path), mediaType, cancellationToken).ConfigureAwait(false);
                var output = context.Terminal.Out;
                await output.WriteLineAsync($"Uploaded {upload.FileName} ({upload.Size} bytes{(upload.Kind is { } kind ? ", " + kind : "")})").ConfigureAwait(false);
                await output.WriteLineAsync($"  url  {upload.DownloadUrl}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
        }
    }
}
