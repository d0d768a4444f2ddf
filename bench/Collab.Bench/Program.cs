using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Collab.Bench -- --filter '*'   (see docs/speed.md)
BenchmarkSwitcher.FromAssembly(typeof(Collab.Bench.ShortRunConfig).Assembly).Run(args, Collab.Bench.ShortRunConfig.Create());
