using Collab.Data;
using Collab.Evaluation;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

/// <summary>Every split partitions the rows (nothing held out is trained on) and the time-based ones respect time, on ml-latest-small.</summary>
public sealed class DataSplitProtocolTests
{
    private static readonly Lazy<RatingsTable> Table = new(() => RatingsTable.FromFile(SharedData.Path("data", "ml-latest-small", "ratings.csv")));

    [Theory]
    [InlineData("random")]
    [InlineData("time")]
    [InlineData("last")]
    [InlineData("last:3")]
    [InlineData("user")]
    [InlineData("stratified")]
    [InlineData("kfold:5")]
    public void Each_split_partitions_the_rows_and_no_held_out_rating_is_trained_on(string protocol)
    {
        var table = Table.Value;
        foreach (var split in SplitProtocol.Parse(protocol).Create(table, 7))
        {
            Assert.Equal(table.Count, split.Train.Length + split.Valid.Length);
            Assert.Equal(table.Count, split.Train.Concat(split.Valid).Distinct().Count());
            Assert.NotEmpty(split.Valid);
            var trainedPairs = split.Train.Select(r => (table.Users[r], table.Items[r])).ToHashSet();
            Assert.DoesNotContain(split.Valid, r => trainedPairs.Contains((table.Users[r], table.Items[r])));
        }
    }

    [Fact]
    public void Global_time_cut_holds_out_the_latest_rows()
    {
        var table = Table.Value;
        var split = DataSplit.ByTime(table, 0.2);
        Assert.Equal((int)Math.Floor(0.2 * table.Count), split.Valid.Length);
        Assert.True(split.Train.Max(r => table.Timestamps[r]) <= split.Valid.Min(r => table.Timestamps[r]));
    }

    [Fact]
    public void Leave_last_out_holds_out_each_users_latest_rows_and_keeps_the_earlier_ones()
    {
        var table = Table.Value;
        var split = DataSplit.LeaveLastOut(table, 2);
        var trainByUser = split.Train.ToLookup(r => table.Users[r]);
        foreach (var group in split.Valid.GroupBy(r => table.Users[r]))
        {
            Assert.Equal(2, group.Count());
            Assert.NotEmpty(trainByUser[group.Key]);
            Assert.True(trainByUser[group.Key].Max(r => table.Timestamps[r]) <= group.Min(r => table.Timestamps[r]));
        }
        Assert.Equal(table.UserIds.Count, split.Valid.Select(r => table.Users[r]).Distinct().Count());
    }

    [Fact]
    public void User_split_holds_out_whole_users_for_cold_start()
    {
        var table = Table.Value;
        var split = DataSplit.ByUser(table, 0.2, 3);
        var heldUsers = split.Valid.Select(r => table.Users[r]).ToHashSet();
        Assert.Equal((int)Math.Floor(0.2 * table.UserIds.Count), heldUsers.Count);
        Assert.DoesNotContain(split.Train, r => heldUsers.Contains(table.Users[r]));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Stratified_split_holds_out_each_users_share_rounded_up_and_keeps_every_user_with_two_rows_on_both_sides(double validPct)
    {
        var table = Table.Value;
        var split = DataSplit.Stratified(table, validPct, 5);
        Assert.Equal(table.Count, split.Train.Length + split.Valid.Length);
        var train = split.Train.CountBy(r => table.Users[r]).ToDictionary();
        var valid = split.Valid.CountBy(r => table.Users[r]).ToDictionary();
        foreach (var (user, rows) in table.Users.ToArray().CountBy(u => u))
        {
            // Recommenders trains on row r of n when r / n <= 1 - validPct: floor((1 - validPct)·n) rows.
            int trained = train.GetValueOrDefault(user);
            Assert.Equal((int)Math.Floor((1 - validPct) * rows + 1e-9), trained);
            Assert.Equal(rows - trained, valid.GetValueOrDefault(user));
            Assert.InRange(valid.GetValueOrDefault(user) - validPct * rows, -1e-9, 1);
            Assert.True(trained > 0 && valid.GetValueOrDefault(user) > 0, $"user {user} with {rows} rows is on both sides");
        }
    }

    [Fact]
    public void Stratified_split_is_the_same_for_a_seed_and_differs_between_seeds()
    {
        var table = Table.Value;
        var first = DataSplit.Stratified(table, 0.25, 9);
        Assert.Equal(first.Valid, DataSplit.Stratified(table, 0.25, 9).Valid);
        Assert.Equal(first.Train, DataSplit.Stratified(table, 0.25, 9).Train);
        var other = DataSplit.Stratified(table, 0.25, 10);
        Assert.NotEqual(first.Valid.Order(), other.Valid.Order());
        Assert.Equal(first.Valid.Length, other.Valid.Length);
    }

    [Fact]
    public void Stratified_split_holds_out_a_single_row_user_whole_and_drops_users_below_the_minimum_as_Recommenders_does()
    {
        var rows = new List<(string, string, float)> { ("solo", "x", 3) };
        for (int i = 0; i < 2; i++)
            rows.Add(("two", $"i{i}", 4));
        for (int i = 0; i < 5; i++)
            rows.Add(("five", $"i{i}", 4));
        var table = RatingsTable.FromTriples(rows);
        int User(string id) => table.UserIds.TryGetIndex(id, out int index) ? index : -1;
        var split = DataSplit.Stratified(table, 0.25, 1);
        Assert.DoesNotContain(split.Train, r => table.Users[r] == User("solo"));
        Assert.Contains(split.Valid, r => table.Users[r] == User("solo"));
        Assert.Equal(1, split.Valid.Count(r => table.Users[r] == User("two")));
        Assert.Equal(3, split.Train.Count(r => table.Users[r] == User("five")));
        Assert.Equal(2, split.Valid.Count(r => table.Users[r] == User("five")));

        var filtered = SplitProtocol.Parse("stratified:3", 0.25).Create(table, 1)[0];
        Assert.All(filtered.Train.Concat(filtered.Valid), r => Assert.Equal(User("five"), table.Users[r]));
        Assert.Equal(5, filtered.Train.Length + filtered.Valid.Length);
    }

    [Fact]
    public void K_fold_holds_out_every_row_exactly_once_and_depends_on_the_seed()
    {
        var folds = DataSplit.KFold(1003, 5, 11);
        Assert.Equal(Enumerable.Range(0, 1003), folds.SelectMany(f => f.Valid).Order());
        Assert.All(folds, f => Assert.InRange(f.Valid.Length, 200, 201));
        Assert.Equal(folds[0].Valid, DataSplit.KFold(1003, 5, 11)[0].Valid);
        Assert.NotEqual(folds[0].Valid, DataSplit.KFold(1003, 5, 12)[0].Valid);
    }

    [Fact]
    public void Time_splits_need_timestamps_and_protocols_parse_their_counts()
    {
        var table = RatingsTable.FromTriples([("a", "x", 1), ("b", "y", 2)]);
        Assert.Throws<ArgumentException>(() => DataSplit.ByTime(table, 0.5));
        Assert.Equal(new SplitProtocol(SplitKind.KFold, 5), SplitProtocol.Parse("kfold:5"));
        Assert.Equal(new SplitProtocol(SplitKind.LastOut, 1), SplitProtocol.Parse("last"));
        Assert.Equal(new SplitProtocol(SplitKind.Stratified, 1, 0.25), SplitProtocol.Parse("stratified", 0.25));
        Assert.True(SplitProtocol.Parse("stratified").DependsOnSeed);
        Assert.Throws<FormatException>(() => SplitProtocol.Parse("kfold"));
        Assert.Throws<FormatException>(() => SplitProtocol.Parse("kfold:1"));
        Assert.Throws<FormatException>(() => SplitProtocol.Parse("shuffle"));
    }
}
