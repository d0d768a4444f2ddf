using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Collab.Models;
using Collab.Training.Blocked;

namespace Collab.Bench;

/// <summary>
/// Fast mode's per-rating update in cache (200 users and 200 items at k = 50, 64k ratings in groups of four that
/// share no row): the scalar reference, the vector kernel one rating at a time, and four ratings at once. Values
/// keep changing from call to call, which costs the kernels nothing.
/// </summary>
public class RatingKernelBenchmarks
{
    private const int Rows = 200;
    private const int Ratings = 65_536;

    private PackedRows _users = new(1, 1);
    private PackedRows _items = new(1, 1);
    private readonly int[] _user = new int[Ratings];
    private readonly int[] _item = new int[Ratings];
    private readonly float[] _rating = new float[Ratings];
    private RatingStep _step;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        (_users, _items) = (new PackedRows(Rows, 50), new PackedRows(Rows, 50));
        foreach (var rows in new[] { _users, _items })
        {
            for (int r = 0; r < Rows; r++)
            {
                for (int j = 0; j < 50; j++)
                    System.Runtime.CompilerServices.Unsafe.Add(ref rows.Row(r), j) = (float)(random.NextDouble() - 0.5) * 0.1f;
            }
        }
        // Four consecutive ratings use four different users and four different items.
        for (int g = 0; g < Ratings; g += 4)
        {
            int user = random.Next(Rows - 3), item = random.Next(Rows - 3);
            for (int r = 0; r < 4; r++)
                (_user[g + r], _item[g + r], _rating[g + r]) = (user + r, item + r, 0.5f * random.Next(1, 11));
        }
        _step = RatingStep.Create(new OutputRange(0f, 5.5f), 64, 50, 5e-3, 0.99, 1e-5, 0.1, 0.1, t: 1000);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ratings)]
    public float Scalar()
    {
        float loss = 0;
        for (int r = 0; r < Ratings; r++)
            loss += RatingKernel.TrainScalar(ref _users.Row(_user[r]), ref _items.Row(_item[r]), _users.PaddedFactors, _rating[r], _step, out _);
        return loss;
    }

    [Benchmark(OperationsPerInvoke = Ratings)]
    public float OneAtATime()
    {
        float loss = 0;
        for (int r = 0; r < Ratings; r++)
            loss += RatingKernel.Train(ref _users.Row(_user[r]), ref _items.Row(_item[r]), _users.PaddedFactors, _rating[r], _step, out _);
        return loss;
    }

    [Benchmark(OperationsPerInvoke = Ratings)]
    public float FourAtOnce()
    {
        float loss = 0;
        for (int r = 0; r < Ratings; r += 4)
        {
            loss += RatingKernel.TrainFour(ref _users.Row(_user[r]), ref _items.Row(_item[r]), ref _users.Row(_user[r + 1]), ref _items.Row(_item[r + 1]),
                ref _users.Row(_user[r + 2]), ref _items.Row(_item[r + 2]), ref _users.Row(_user[r + 3]), ref _items.Row(_item[r + 3]),
                _users.PaddedFactors, Vector128.Create(_rating[r], _rating[r + 1], _rating[r + 2], _rating[r + 3]), _step, out _);
        }
        return loss;
    }
}
