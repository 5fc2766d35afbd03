using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PhotonSdk.Benchmarks.PredictionBenchmarks).Assembly).Run(args);
