using Microsoft.Extensions.Hosting;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>
/// The host lifetime of an emulator started in-process: it leaves Ctrl+C and SIGTERM to the hosting program, which
/// stops the emulator by disposing it, rather than taking them over as the console lifetime does.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
