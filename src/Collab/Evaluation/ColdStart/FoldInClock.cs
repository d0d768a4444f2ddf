using System.Diagnostics;

namespace Collab.Evaluation.ColdStart;

/// <summary>Wall time of fold-ins and of question rounds during a protocol run.</summary>
internal sealed class FoldInClock
{
    private long _foldInTicks;
    private int _foldIns;
    private long _roundTicks;
    private int _rounds;

    public double FoldInMilliseconds => _foldIns == 0 ? 0 : Stopwatch.GetElapsedTime(0, _foldInTicks).TotalMilliseconds / _foldIns;

    public double RoundMilliseconds => _rounds == 0 ? 0 : Stopwatch.GetElapsedTime(0, _roundTicks).TotalMilliseconds / _rounds;

    public T Time<T>(Func<T> foldIn)
    {
        long start = Stopwatch.GetTimestamp();
        var result = foldIn();
        _foldInTicks += Stopwatch.GetTimestamp() - start;
        _foldIns++;
        return result;
    }

    public T TimeRound<T>(Func<T> round)
    {
        long start = Stopwatch.GetTimestamp();
        var result = round();
        _roundTicks += Stopwatch.GetTimestamp() - start;
        _rounds++;
        return result;
    }
}
