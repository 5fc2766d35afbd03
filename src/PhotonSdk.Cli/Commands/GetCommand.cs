using System.CommandLine;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;
using PhotonSdk.Cli.Waiting;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon get &lt;prediction-id&gt;</c>: resumes a prediction submitted earlier, waits for it and saves its image.</summary>
internal static class GetCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("prediction-id") { Description = "The id that generate printed (predictions are kept 7 days)" };
        var output = CommonOptions.Out(CommonOptions.OutRules);
        var force = CommonOptions.Force();
        var json = CommonOptions.Json();

        var command = new Command("get", "Resume a prediction by its id: wait for it and save its image") { id, output, force, json };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, parse.GetValue(id) ?? "", parse.GetValue(output), parse.GetValue(force), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string predictionId, string? output, bool force, bool json, CancellationToken cancellationToken)
    {
        if (json && output == CommonOptions.StandardOutput) throw new ArgumentException("--json and --out - both write to stdout; choose one.");
        OutputPreflight.EnsureWritable(context.OutputTarget(output), force);
        OutputPreflight.EnsureNotSavedBefore(context.OutputTarget(output), predictionId, force);
        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var client = connection.Client;
            var handle = client.GetPrediction(predictionId);
            var result = await LiveStatus.RunAsync(context.Terminal, $"Reading prediction {predictionId}…", report =>
                PredictionWatcher.WaitAsync(client, handle, context.Terminal.IsInteractive ? h => report(LiveStatus.Describe(h)) : null, cancellationToken))
                .ConfigureAwait(false);

            await ResultSaver.SaveAndPrintAsync(context, connection, result, output, json, force, resumed: true, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }
}
