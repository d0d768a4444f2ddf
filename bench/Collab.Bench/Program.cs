using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Collab.Bench -- --filter '*'   (see docs/speed.md)
// dotnet run -c Release --project bench/Collab.Bench -- approximate ...   (a whole run: see docs/benchmarks.md)
if (args is ["approximate", .. var rest])
{
    Collab.Bench.ApproximateTopN.Run(rest);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Collab.Bench.ShortRunConfig).Assembly).Run(args, Collab.Bench.ShortRunConfig.Create());
