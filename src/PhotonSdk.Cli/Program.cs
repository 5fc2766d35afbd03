using System.Runtime.InteropServices;
using PhotonSdk.Cli;
using PhotonSdk.Cli.Hosting;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the waiting and lets the tool print what to resume; a second one ends the process.
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    cancellation.Cancel();
};

// A service manager's stop (SIGTERM) gets the same orderly end: the emulator releases its port, a wait prints its id.
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    cancellation.Cancel();
});

return await CliApplication.RunAsync(args, Console.Out, Console.Error, CliEnvironment.FromProcess(), cancellation.Token).ConfigureAwait(false);
