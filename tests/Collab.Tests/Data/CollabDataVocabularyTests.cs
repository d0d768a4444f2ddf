using Collab.Data;
using Collab.Data.Synthetic;

namespace Collab.Tests.Data;

/// <summary>The vocabularies collected by raw index equal those of the plain definition: sort the ids of the rows.</summary>
public sealed class CollabDataVocabularyTests
{
    [Theory]
    [InlineData(VocabularyScope.Training)]
    [InlineData(VocabularyScope.AllRows)]
    public void Integer_ids_give_the_vocabulary_of_their_rows(VocabularyScope scope)
    {
        var table = SyntheticRatings.Create(new SyntheticRatingsOptions { Users = 3_000, Items = 2_000, Ratings = 600_000, Seed = 4 }).ToTable();
        AssertPlainDefinition(table, DataSplit.Random(table.Count, 0.2, 9), scope);
    }

    [Theory]
    [InlineData(VocabularyScope.Training)]
    [InlineData(VocabularyScope.AllRows)]
    public void Ids_that_tie_as_numbers_or_are_text_keep_the_order_of_first_appearance(VocabularyScope scope)
    {
        var table = RatingsTable.FromTriples([("7", "b", 1), ("007", "a", 2), ("8", "b", 3), ("+7", "c", 4), ("9", "a", 5), ("x", "c", 1)]);
        AssertPlainDefinition(table, new DataSplit([4, 1, 0, 2], [3, 5]), scope);
        var numeric = RatingsTable.FromTriples([("7", "1", 1), ("007", "01", 2), ("8", "2", 3), ("+7", "3", 4)]);
        AssertPlainDefinition(numeric, new DataSplit([3, 1, 0], [2]), scope);
    }

    private static void AssertPlainDefinition(RatingsTable table, DataSplit split, VocabularyScope scope)
    {
        var rows = scope == VocabularyScope.AllRows ? [.. split.Train, .. split.Valid] : split.Train;
        var data = CollabData.FromTable(table, split, scope);
        Assert.Equal(Vocabulary.FromIds(rows.Select(r => table.UserIds[table.Users[r]])).Ids, data.Users.Ids);
        Assert.Equal(Vocabulary.FromIds(rows.Select(r => table.ItemIds[table.Items[r]])).Ids, data.Items.Ids);
    }
}
