namespace Collab.Data;

/// <summary>
/// A ratings table split into training and validation rows and encoded with the model's vocabularies:
/// fastai's <c>CollabDataLoaders</c> without the loaders.
/// </summary>
public sealed class CollabData
{
    private CollabData(RatingsTable table, DataSplit split, Vocabulary users, Vocabulary items, EncodedRatings train, EncodedRatings valid)
    {
        Table = table;
        Split = split;
        Users = users;
        Items = items;
        Train = train;
        Valid = valid;
    }

    /// <summary>The table the rows came from.</summary>
    public RatingsTable Table { get; }

    /// <summary>Which table rows train and which validate.</summary>
    public DataSplit Split { get; }

    /// <summary>The users the model has rows for.</summary>
    public Vocabulary Users { get; }

    /// <summary>The items the model has rows for.</summary>
    public Vocabulary Items { get; }

    /// <summary>The training rows, encoded.</summary>
    public EncodedRatings Train { get; }

    /// <summary>The validation rows, encoded (unknown ids are 0).</summary>
    public EncodedRatings Valid { get; }

    /// <summary>Validation rows whose user has no trained row (encoded to 0 or only in validation).</summary>
    public int ValidRowsWithUnknownUser { get; private init; }

    /// <summary>Validation rows whose item has no trained row (encoded to 0 or only in validation).</summary>
    public int ValidRowsWithUnknownItem { get; private init; }

    /// <summary>Splits at random (fastai's splitter) and encodes.</summary>
    public static CollabData FromTable(RatingsTable table, double validPct, ulong seed, VocabularyScope scope = VocabularyScope.Training)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromTable(table, DataSplit.Random(table.Count, validPct, seed), scope);
    }

    /// <summary>Encodes a table with a given split.</summary>
    public static CollabData FromTable(RatingsTable table, DataSplit split, VocabularyScope scope = VocabularyScope.Training) =>
        FromTable(table, split, scope, [], []);

    /// <summary>
    /// Encodes a table with a given split, adding rows for ids known from elsewhere (users and items of attribute
    /// files): a model that reads their attributes can then score them without a training rating.
    /// </summary>
    internal static CollabData FromTable(RatingsTable table, DataSplit split, VocabularyScope scope, IEnumerable<string> moreUsers, IEnumerable<string> moreItems)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(split);
        if (split.Train.Length == 0)
            throw new ArgumentException("The split leaves no training rows.", nameof(split));
        int[] extraRows = scope == VocabularyScope.AllRows ? split.Valid : [];
        var users = Vocabulary.FromIds(DistinctIds(table, itemColumn: false, split.Train, extraRows).Concat(moreUsers));
        var items = Vocabulary.FromIds(DistinctIds(table, itemColumn: true, split.Train, extraRows).Concat(moreItems));
        var userMap = users.MapFrom(table.UserIds);
        var itemMap = items.MapFrom(table.ItemIds);
        var train = EncodedRatings.Select(table, split.Train, userMap, itemMap);
        var valid = EncodedRatings.Select(table, split.Valid, userMap, itemMap);
        var trainedUsers = new bool[users.Count];
        var trainedItems = new bool[items.Count];
        foreach (var u in train.UsersArray)
            trainedUsers[u] = true;
        foreach (var i in train.ItemsArray)
            trainedItems[i] = true;
        return new CollabData(table, split, users, items, train, valid)
        {
            ValidRowsWithUnknownUser = valid.UsersArray.Count(u => !trainedUsers[u]),
            ValidRowsWithUnknownItem = valid.ItemsArray.Count(i => !trainedItems[i]),
        };
    }

    // The distinct ids of the given rows, found by raw index: linear in the rows, with no string hashing.
    // Vocabulary.FromIds sorts them, so their order only matters when two distinct ids tie in that sort
    // ("7" and "007" both read as 7); ids that are all canonical integers cannot tie, and are marked on all
    // cores. Otherwise they are listed in order of first appearance, as before.
    private static List<string> DistinctIds(RatingsTable table, bool itemColumn, int[] rows, int[] moreRows)
    {
        const int RowsPerTask = 1 << 18;
        var ids = itemColumn ? table.ItemIds : table.UserIds;
        var seen = new bool[ids.Count];
        var distinct = new List<string>();
        bool orderFree = ids.Ids.All(id => IdCollector.TryParseCanonical(id.AsSpan(), out _));
        foreach (var part in (int[][])[rows, moreRows])
        {
            if (orderFree)
            {
                // Tasks only ever write true, so marking at once cannot lose a mark.
                Parallel.For(0, (part.Length + RowsPerTask - 1) / RowsPerTask, t =>
                {
                    var column = itemColumn ? table.Items : table.Users;
                    foreach (int row in part.AsSpan(t * RowsPerTask, Math.Min(RowsPerTask, part.Length - t * RowsPerTask)))
                        seen[column[row]] = true;
                });
                continue;
            }
            var raws = itemColumn ? table.Items : table.Users;
            foreach (int row in part)
            {
                int raw = raws[row];
                if (!seen[raw])
                {
                    seen[raw] = true;
                    distinct.Add(ids[raw]);
                }
            }
        }
        if (orderFree)
        {
            for (int raw = 0; raw < seen.Length; raw++)
            {
                if (seen[raw])
                    distinct.Add(ids[raw]);
            }
        }
        return distinct;
    }
}
