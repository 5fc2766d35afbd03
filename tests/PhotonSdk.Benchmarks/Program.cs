using System.Globalization;
using BenchmarkDotNet.Running;
using PhotonSdk.Benchmarks;

// `--interleaved [rounds] [predictions]`: the SDK against the minimal loop in alternating rounds (InterleavedRatio).
if (args.Length > 0 && args[0] == "--interleaved")
{
    await InterleavedRatio.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
