using System.Diagnostics;
using System.Runtime.InteropServices;
using Collab.Data;
using Collab.Data.Synthetic;
using Collab.Training;

namespace Collab.Cli.Benchmarks;

/// <summary>Runs the stages of <c>collab bench</c> in order: bandwidth and peak FMA rate, CSV load, then each training configuration.</summary>
internal sealed class BenchRunner(BenchRequest request, TextWriter? progress)
{
    private const int LoadRuns = 3;

    // Read as training reads (collab train): without the timestamps it never uses.
    private static readonly RatingsFileOptions TrainingFile = new() { ReadTimestamps = false };

    public BenchResults Run(CancellationToken cancellation)
    {
        var loadStart = ProcessMemory.LoadAverage();
        var bandwidth = request.Threads.Distinct().Order().Select(t =>
        {
            Say($"memory bandwidth, {t} thread(s)");
            var (copy, update) = MemoryBandwidth.Measure(t);
            Say($"peak FMA rate, {t} thread(s)");
            return new BandwidthResult(t, copy / 1e9, update / 1e9, ComputePeak.Measure(t) / 1e9);
        }).ToList();
        var (load, table) = Load(cancellation);
        var training = new List<TrainingResult>();
        foreach (var mode in request.Modes)
        {
            foreach (var threads in request.Threads)
            {
                Say($"training, {mode} mode, {threads} thread(s)");
                training.Add(Train(table, mode, threads, bandwidth.First(b => b.Threads == threads), cancellation));
            }
        }
        var machine = new BenchMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            loadStart, ProcessMemory.LoadAverage());
        return new BenchResults(machine, bandwidth, load, training);
    }

    private (LoadResult, RatingsTable) Load(CancellationToken cancellation)
    {
        bool synthetic = request.CsvPath is null;
        var path = request.CsvPath ?? Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.csv");
        try
        {
            if (synthetic)
            {
                Say($"writing {request.Synthetic.Ratings:N0} synthetic ratings to {path}");
                SyntheticRatings.Create(request.Synthetic).WriteCsvFile(path, null, cancellation);
            }
            long bytes = new FileInfo(path).Length;
            RatingsTable? table = null;
            (double Wall, double Cpu) best = (double.MaxValue, 0);
            long? peak = null;
            using var process = Process.GetCurrentProcess();
            for (int run = 0; run < LoadRuns; run++)
            {
                Say($"loading {path} ({run + 1}/{LoadRuns})");
                table = null;
                StartStage();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                table = RatingsTable.FromFile(path, TrainingFile);
                double wall = watch.Elapsed.TotalSeconds;
                process.Refresh();
                if (wall < best.Wall)
                    best = (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
                // The first run's peak: later runs start with what the collector kept of the earlier tables.
                peak ??= ProcessMemory.PeakResidentBytes();
            }
            var result = new LoadResult(path, synthetic, bytes, table!.Count, table.UserIds.Count, table.ItemIds.Count, best.Wall, best.Cpu,
                bytes / best.Wall / 1e6, peak);
            return (result, table);
        }
        finally
        {
            if (synthetic && File.Exists(path))
                File.Delete(path);
        }
    }

    private TrainingResult Train(RatingsTable table, TrainingMode mode, int threads, BandwidthResult bandwidth, CancellationToken cancellation)
    {
        var options = new TrainingOptions
        {
            Mode = mode,
            FastOptimizer = request.FastOptimizer,
            Threads = threads,
            Factors = request.Factors,
            BatchSize = request.BatchSize,
            Epochs = request.Epochs,
            Seed = request.Synthetic.Seed,
        };
        var meter = new ThroughputMeter(request.Budget, request.BatchSize);
        StartStage();
        var trained = CollabTrainer.Train(table, options, callbacks: [meter], cancellation: cancellation);
        double rate = meter.Ratings / meter.Elapsed.TotalSeconds;
        int users = table.UserIds.Count + 1;
        int items = table.ItemIds.Count + 1;
        double bytes = TrafficModel.BytesPerRating(mode, request.FastOptimizer, request.Factors, users, items, request.BatchSize);
        double bound = bandwidth.UpdateGigabytesPerSecond * 1e9 / bytes;
        double flops = TrafficModel.FlopsPerRating(mode, request.FastOptimizer, request.Factors, users, items, request.BatchSize);
        double computeBound = bandwidth.FmaGigaflopsPerSecond * 1e9 / flops;
        return new TrainingResult(
            mode.ToString().ToLowerInvariant(),
            mode == TrainingMode.Fast ? request.FastOptimizer.ToString() : null,
            threads, request.Factors, request.BatchSize, meter.Ratings, meter.Elapsed.TotalSeconds, meter.ProcessorTime.TotalSeconds, !meter.BudgetSpent,
            rate, TrafficModel.TableBytes(mode, request.FastOptimizer, request.Factors, users, items), bytes, bound, rate / bound,
            flops, computeBound, rate / computeBound,
            meter.BudgetSpent ? null : trained.Summary.ValidRmse,
            ProcessMemory.PeakResidentBytes());
    }

    // Each stage's peak memory starts from what the earlier stages left alive, not from their garbage.
    private static void StartStage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        ProcessMemory.TryResetPeak();
    }

    private void Say(string stage) => progress?.WriteLine($"bench: {stage}");
}
