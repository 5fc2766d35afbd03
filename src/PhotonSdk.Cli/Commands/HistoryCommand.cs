using System.CommandLine;
using System.Globalization;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;
using Spectre.Console;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon history</c>: lists recent predictions (the API keeps 7 days), newest first.</summary>
internal static class HistoryCommand
{
    public static Command Create(CommandContext context)
    {
        var page = new Option<int>("--page") { Description = "The page, from 1", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Predictions per page, 1 to 100", DefaultValueFactory = _ => 20 };
        var model = new Option<string?>("--model", "-m") { Description = "Only predictions of this model (flash, photon or a model id)", HelpName = "model" };

        // Checked on the typed text (a value that is not a number is reported by the parser itself).
        page.Validators.Add(result =>
        {
            if (Typed(result) is < 1 and var value) result.AddError($"--page must be at least 1 (was {value}).");
        });
        pageSize.Validators.Add(result =>
        {
            if (Typed(result) is (< 1 or > 100) and var value) result.AddError($"--page-size must be between 1 and 100 (was {value}).");
        });

        var command = new Command("history", "List recent predictions, newest first") { page, pageSize, model };
        command.SetAction((parse, cancellationToken) =>
        {
            var query = new PredictionHistoryQuery { Page = parse.GetValue(page), PageSize = parse.GetValue(pageSize), Model = parse.GetValue(model) };
            return RunAsync(context, query, cancellationToken);
        });
        return command;
    }

    private static int? Typed(System.CommandLine.Parsing.OptionResult result) =>
        result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static async Task<int> RunAsync(CommandContext context, PredictionHistoryQuery query, CancellationToken cancellationToken)
    {
        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var history = await connection.Client.GetHistoryAsync(query, cancellationToken).ConfigureAwait(false);
            if (history.Items.Count == 0)
            {
                await context.Terminal.Out.WriteLineAsync(history.Page == 1 ? "No predictions in the last 7 days." : $"No predictions on page {history.Page}.")
                    .ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Created (UTC)", "Prediction", "Model", "Status", "Time");
            foreach (var item in history.Items)
            {
                table.AddRow(
                    Markup.Escape(item.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""),
                    Markup.Escape(item.Id),
                    Markup.Escape(item.ModelId ?? ""),
                    Markup.Escape(item.Status.Value),
                    item.ExecutionTime is { } time ? SavedImageWriter.Seconds(time) : "");
            }

            context.Terminal.OutConsole.Write(table);
            var total = history.Total is { } count ? $" of {count}" : "";
            await context.Terminal.Out.WriteLineAsync($"Page {history.Page}: showing {history.Items.Count}{total}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }
}
