using System.CommandLine;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Commands;

/// <summary><c>photon balance</c>: prints the account balance.</summary>
internal static class BalanceCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("balance", "Show the account balance");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var balance = await connection.Client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            await context.Terminal.Out.WriteLineAsync($"Balance: {SavedImageWriter.Money(balance)}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }
}
