using System.Text;
using Collab.Data;
using Collab.Numerics;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

/// <summary>The parallel byte reader must give exactly the Sep reader's table, or step aside for it.</summary>
public sealed class ParallelRatingsReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n7,31,4.5,1\n")]
    [InlineData("userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n7,31,4.5,1\r\n")]
    [InlineData("196\t242\t3\t881250949\n186\t302\t3\t891717742")]
    [InlineData("1::1193::5::978300760\n1::661::3::978302109\n")]
    [InlineData("\uFEFFuser,item,rating\n1,2,3\n")]
    [InlineData("\uFEFF1,2,3\n4,5,1\n")]
    [InlineData("u,i,r\n\n1,2,3\n   \n\t\n2,2,4\n\n")]
    [InlineData("u,i,r,t\n 1 , 2 , 3.5 , 10 \n1,3,4,\n2,4,1\n3,4,2,5,extra,columns\n")]
    [InlineData("u,i,r\n007,7,1\n7,007,2\n0,00,3\n-1,+1,4\n1234567890123456789,99999999999999999999,5\n")]
    [InlineData("u,i,r\nalice,film-a,4\nbob,film b,2\n\u00e9l\u00e8ve,\u00a0film-a\u00a0,3\n\u00a042,7,1\n")]
    [InlineData("u,i,r\n1,2,4\n1,3,4.50\n1,4,1e0\n1,5,+3\n1,6,.5\n1,7,5.\n1,8,   2   \n1,9,0.30000000000000004\n")]
    [InlineData("u,i,r,t\n1,2,3,0012\n1,3,3,+12\n1,4,3,1234567890123456789\n1,5,3,-7\n")]
    [InlineData("stars;who;what\n4;alice;film-a\n2;bob;film-b\n")]
    public void Gives_the_same_table_as_the_sep_reader(string contents)
    {
        var path = _temp.File("r.csv", contents);
        var options = contents.StartsWith("stars", StringComparison.Ordinal)
            ? new RatingsFileOptions { UserColumn = "who", ItemColumn = "what", RatingColumn = "stars" }
            : RatingsFileOptions.Default;
        var layout = RatingsFileLayout.Detect(path, options);
        // Ranges just longer than the longest line: as many blocks as can be.
        int longest = contents.Split('\n').Max(line => Encoding.UTF8.GetByteCount(line)) + 1;
        var fast = ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: longest, threads: 3);
        Assert.NotNull(fast);
        Tables.AssertSame(RatingsReader.ReadWithSep(path, layout), fast.Value.Table, sameSource: true);
    }

    [Theory]
    [InlineData("user,item\n1,10\n2,10\n1,11\n")]
    [InlineData("user,item,when\n1,10,5\n2,10,\n1,11,7\n")]
    [InlineData("1\t10\n2\t10\n")]
    public void Files_without_ratings_read_with_rating_one_as_the_sep_reader_reads_them(string contents)
    {
        var path = _temp.File("implicit.csv", contents);
        var layout = RatingsFileLayout.Detect(path, new RatingsFileOptions { HasRatingColumn = false });
        var fast = ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: 16, threads: 2);
        Assert.NotNull(fast);
        Tables.AssertSame(RatingsReader.ReadWithSep(path, layout), fast.Value.Table, sameSource: true);
        Assert.All(fast.Value.Table.Ratings.ToArray(), r => Assert.Equal(1f, r));
    }

    [Theory]
    [InlineData("u,i,r\n\"1\",2,3\n")]
    [InlineData("u,i,r\n1,2,3\r4,5,1\n")]
    [InlineData("u,i,r\n1,2,3\n1,3,abc\n")]
    [InlineData("u,i,r\n1,2,3\n1,3,NaN\n")]
    [InlineData("u,i,r\n1,2\n")]
    [InlineData("u,i,r\n,2,3\n")]
    [InlineData("u,i,r\n1,2,\u00a04\n")]
    [InlineData("u,i,r\n\n  \n")]
    [InlineData("u,i,r\n1,2,3\r")]
    public void Steps_aside_for_the_sep_reader_when_a_file_is_not_plain(string contents)
    {
        var path = _temp.File("r.csv", contents);
        var layout = RatingsFileLayout.Detect(path, RatingsFileOptions.Default);
        Assert.Null(ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: 64, threads: 2));
    }

    [Theory]
    [InlineData("\u012c")]
    [InlineData("\u00e9")]
    [InlineData("\u0001")]
    public void Separators_sep_refuses_step_aside_and_are_refused_as_before(string separator)
    {
        var path = _temp.File("r.txt", $"1{separator}2{separator}3\n1,2{separator}4{separator}5\n");
        var options = new RatingsFileOptions { Delimiter = separator };
        var layout = RatingsFileLayout.Detect(path, options);
        Assert.Null(ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: 64, threads: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingsTable.FromFile(path, options));
    }

    [Fact]
    public void A_line_longer_than_a_range_steps_aside()
    {
        var path = _temp.File("r.csv", "u,i,r\n1,2,3\n" + new string(' ', 200) + "1,2,3\n4,5,1\n");
        var layout = RatingsFileLayout.Detect(path, RatingsFileOptions.Default);
        Assert.Null(ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: 64, threads: 2));
        Assert.NotNull(ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes: 256, threads: 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_plain_files_cut_into_many_blocks_read_exactly_as_sep_reads_them(ulong seed)
    {
        var random = new SeededRandom(seed);
        var path = _temp.Combine($"random{seed}.csv");
        File.WriteAllBytes(path, RandomPlainFile(random, rows: 3_000));
        var layout = RatingsFileLayout.Detect(path, RatingsFileOptions.Default);
        int rangeBytes = 64 + random.NextInt(4_000);
        var fast = ParallelRatingsReader.TryRead([(path, layout)], path, rangeBytes, threads: 1 + random.NextInt(4));
        Assert.NotNull(fast);
        Tables.AssertSame(RatingsReader.ReadWithSep(path, layout), fast.Value.Table, sameSource: true);
    }

    [Fact]
    public void Two_files_share_ids_and_say_how_many_rows_each_gave()
    {
        var train = _temp.File("u1.base", "1\t1\t5\t1\n1\t2\t3\t2\n2\t1\t4\t3\n");
        var valid = _temp.File("u1.test", "3\t2\t1\n2\t7\t2\n");
        var (table, split) = RatingsReader.ReadTrainValid(train, valid, RatingsFileOptions.Default);
        Assert.Equal(["1", "2", "3"], table.UserIds.Ids);
        Assert.Equal(["1", "2", "7"], table.ItemIds.Ids);
        Assert.False(table.HasTimestamps);
        Assert.Equal([0, 1, 2], split.Train);
        Assert.Equal([3, 4], split.Valid);
    }

    private static byte[] RandomPlainFile(SeededRandom random, int rows)
    {
        var text = new StringBuilder();
        string lineEnd = random.NextInt(2) == 0 ? "\n" : "\r\n";
        string separator = new[] { ",", ",", "\t", ";", "::" }[random.NextInt(5)];
        if (random.NextInt(3) == 0)
            text.Append('\uFEFF');
        text.Append(string.Join(separator, "user", "item", "rating", "timestamp")).Append(lineEnd);
        for (int r = 0; r < rows; r++)
        {
            if (random.NextInt(40) == 0)
                text.Append(random.NextInt(2) == 0 || separator == "\t" ? "" : " \t ").Append(lineEnd);
            string timestamp = random.NextInt(10) switch
            {
                0 => "",
                1 => separator + Pad(random, "", separator),
                _ => separator + Pad(random, (1_000_000_000 + random.NextInt(1_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture), separator),
            };
            text.Append(Pad(random, RandomId(random, 300), separator)).Append(separator)
                .Append(Pad(random, RandomId(random, 2_000), separator)).Append(separator)
                .Append(Pad(random, RandomRating(random), separator)).Append(timestamp);
            if (r < rows - 1 || random.NextInt(2) == 0)
                text.Append(lineEnd);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string RandomId(SeededRandom random, int range)
    {
        int n = random.NextInt(range);
        return random.NextInt(12) switch
        {
            0 => $"0{n}",
            1 => $"id-{n}",
            2 => $"\u00e9{n}",
            3 => $"\u00a0{n}",
            4 => $"{n}00000000000000000000",
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string RandomRating(SeededRandom random) => random.NextInt(6) switch
    {
        0 => $"{1 + random.NextInt(5)}",
        1 => $"{random.NextInt(50) / 10.0:0.00}",
        2 => $"{random.NextDouble() * 5:R}",
        _ => $"{random.NextInt(5)}.{(random.NextInt(2) == 0 ? 0 : 5)}",
    };

    // Spaces and tabs around a field (tabs only where they do not separate fields).
    private static string Pad(SeededRandom random, string field, string separator) =>
        random.NextInt(8) != 0 ? field : separator == "\t" ? $" {field}  " : $" {field}\t";
}
