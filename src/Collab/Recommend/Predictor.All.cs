namespace Collab.Recommend;

public sealed partial class Predictor
{
    // Users per task: 64 scoring blocks, a fraction of a second of work at 60k items, so starting a task costs nothing
    // beside it, and a task's rankings stay small whatever the number of users.
    private const int UsersPerTask = 1024;

    /// <summary>
    /// <see cref="Recommend"/> for every user the model was trained on (those with training ratings, in the vocabulary's
    /// order), scored on <paramref name="threads"/> cores while the caller consumes the rankings. Only a few tasks of
    /// users are scored ahead of the caller, so memory stays bounded however many users the model has.
    /// </summary>
    /// <param name="n">How many items per user at most.</param>
    /// <param name="includeSeen">Also rank the items each user has seen.</param>
    /// <param name="threads">Cores to score on; 0 for all of them.</param>
    public IEnumerable<Ranking> RecommendAll(int n, bool includeSeen = false, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        string[] users = [.. Enumerable.Range(0, _trained.Users.Count).Where(u => Stats.UserCounts[u] > 0).Select(u => _trained.Users[u])];
        return RecommendInOrder(users, n, includeSeen, threads > 0 ? threads : Environment.ProcessorCount);
    }

    private IEnumerable<Ranking> RecommendInOrder(string[] users, int n, bool includeSeen, int threads)
    {
        var pending = new Queue<Task<Ranking[]>>();
        int next = 0;
        // Each task on its own thread (LongRunning), not the shared pool: exactly `threads` score at any time, and a
        // caller blocked on the next result never starves them.
        void StartNext()
        {
            var chunk = new ArraySegment<string>(users, next, Math.Min(UsersPerTask, users.Length - next));
            next += chunk.Count;
            pending.Enqueue(Task.Factory.StartNew(() => RecommendMany(chunk, n, includeSeen).ToArray(),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
        while (next < users.Length && pending.Count < threads)
            StartNext();
        while (pending.TryDequeue(out var task))
        {
            var rankings = task.GetAwaiter().GetResult();
            if (next < users.Length)
                StartNext();
            foreach (var ranking in rankings)
                yield return ranking;
        }
    }
}
