using System.Globalization;
using Collab.Data;

namespace Collab.Evaluation;

/// <summary>
/// A split protocol as the CLI writes it: "random", "time", "last" (or "last:k"), "user", "stratified" (or
/// "stratified:m", dropping users with fewer than m rows) or "kfold:k". The share held out by random, time, user and
/// stratified splits is <see cref="ValidPct"/>; <see cref="Count"/> is k for last and kfold, m for stratified.
/// </summary>
public sealed record SplitProtocol(SplitKind Kind, int Count = 1, double ValidPct = CollabDefaults.ValidPct)
{
    /// <summary>Whether the split changes with the seed (time and leave-last-out splits do not).</summary>
    public bool DependsOnSeed => Kind is SplitKind.Random or SplitKind.User or SplitKind.KFold or SplitKind.Stratified;

    /// <summary>Parses the CLI form.</summary>
    public static SplitProtocol Parse(string text, double validPct = CollabDefaults.ValidPct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        int? count = null;
        if (parts.Length == 2)
        {
            count = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c >= 1
                ? c
                : throw new FormatException($"'{text}': the number after ':' must be a whole number of at least 1.");
        }
        var kind = (parts[0], parts.Length) switch
        {
            ("random", 1) => SplitKind.Random,
            ("time", 1) => SplitKind.Time,
            ("last", _) => SplitKind.LastOut,
            ("user", 1) => SplitKind.User,
            ("stratified", _) => SplitKind.Stratified,
            ("kfold", 2) => SplitKind.KFold,
            _ => throw new FormatException($"'{text}' is not a split. Use random, time, last, last:k, user, stratified, stratified:m or kfold:k (e.g. kfold:5)."),
        };
        if (kind == SplitKind.KFold && count < 2)
            throw new FormatException($"'{text}': k-fold needs at least 2 folds.");
        return new SplitProtocol(kind, count ?? 1, validPct);
    }

    /// <summary>The splits of one run: one, or k for k-fold.</summary>
    public IReadOnlyList<DataSplit> Create(RatingsTable table, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Kind switch
        {
            SplitKind.Random => [DataSplit.Random(table.Count, ValidPct, seed)],
            SplitKind.Time => [DataSplit.ByTime(table, ValidPct)],
            SplitKind.LastOut => [DataSplit.LeaveLastOut(table, Count)],
            SplitKind.User => [DataSplit.ByUser(table, ValidPct, seed)],
            SplitKind.Stratified => [DataSplit.Stratified(table, ValidPct, seed, Count)],
            _ => DataSplit.KFold(table.Count, Count, seed),
        };
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var pct = (ValidPct * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        return Kind switch
        {
            SplitKind.Random => $"random rows, {pct} held out",
            SplitKind.Time => $"by time, the latest {pct} of rows held out",
            SplitKind.LastOut => $"leave-last-out, each user's latest {Count} row(s) held out",
            SplitKind.User => $"by user (cold start), {pct} of users held out",
            SplitKind.Stratified => $"stratified by user, {pct} of each user's rows held out (rounded up){(Count > 1 ? $", users with fewer than {Count} rows dropped" : "")}",
            _ => $"{Count}-fold cross-validation over rows",
        };
    }
}
