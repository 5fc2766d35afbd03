using System.CommandLine;
using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon upload FILE</c>: uploads a local file and prints the URL to pass as a model input.</summary>
internal static class UploadCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "The file to upload, e.g. an image to modify" };
        var command = new Command("upload", "Upload a file and print its URL (kept 7 days)") { file };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(file) ?? "", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string file, CancellationToken cancellationToken)
    {
        var path = context.Environment.ResolvePath(file);
        if (!File.Exists(path)) throw new FileNotFoundException($"No file '{file}'.", path);

        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var upload = await connection.Client.UploadAsync(stream, Path.GetFileName(path), cancellationToken: cancellationToken).ConfigureAwait(false);
                var output = context.Terminal.Out;
                await output.WriteLineAsync($"Uploaded {upload.FileName} ({upload.Size} bytes{(upload.Kind is { } kind ? ", " + kind : "")})").ConfigureAwait(false);
                await output.WriteLineAsync($"  url  {upload.DownloadUrl}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
        }
    }
}
