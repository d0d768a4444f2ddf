using Collab.Server.Contracts;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Storage;

/// <summary>
/// What every session store must do, run against each dialect: a subclass names a fresh database, and the store is
/// opened from it as <c>collab serve --db</c> would (<see cref="SessionStores.Open"/>).
/// </summary>
public abstract class SessionStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty database as a <c>--db</c> value.</summary>
    protected abstract string NewDatabase();

    [Fact]
    public void A_created_session_is_found_with_no_rounds_and_an_unknown_one_is_not()
    {
        using var store = SessionStores.Open(NewDatabase());
        store.Create("s1", Noon);
        Assert.Equal(new SessionRecord("s1", Noon, 0, false), store.Find("s1"));
        Assert.Null(store.Find("s2"));
        Assert.Empty(store.Answers("s1"));
        Assert.Empty(store.Asked("s1"));
    }

    [Fact]
    public void Rounds_are_numbered_keep_their_order_and_ask_an_item_once_and_answers_close_them()
    {
        using var store = SessionStores.Open(NewDatabase());
        store.Create("s1", Noon);
        Assert.Equal(1, store.OpenRound("s1", ["10", "20", "30"]));
        Assert.True(store.Find("s1")!.RoundOpen);
        Assert.True(store.TryAddAnswers("s1", [new("20", 4.5f), new("10", null)], Noon, 100));
        Assert.Equal(new SessionRecord("s1", Noon, 1, false), store.Find("s1"));
        Assert.Equal(2, store.OpenRound("s1", ["40", "10", "50"]));
        Assert.Equal(["40", "50"], store.Asked("s1", 2));
        Assert.Equal(["10", "20", "30", "40", "50"], store.Asked("s1"));
    }

    [Fact]
    public void Answers_come_back_oldest_first_with_not_seen_as_no_rating_and_outlive_the_store()
    {
        var database = NewDatabase();
        using (var store = SessionStores.Open(database))
        {
            store.Create("s1", Noon);
            store.Create("s2", Noon);
            Assert.True(store.TryAddAnswers("s1", [new("3", 1f), new("1", null)], Noon, 100));
            Assert.True(store.TryAddAnswers("s2", [new("9", 2f)], Noon, 100));
            Assert.True(store.TryAddAnswers("s1", [new("2", 5f), new("3", 3.5f)], Noon, 100));
        }
        using var reopened = SessionStores.Open(database);
        Assert.Equal([new StoredAnswer("3", 1f), new("1", null), new("2", 5f), new("3", 3.5f)], reopened.Answers("s1"));
        Assert.Equal([new StoredAnswer("9", 2f)], reopened.Answers("s2"));
    }

    [Fact]
    public void A_batch_that_would_cross_the_cap_is_refused_whole()
    {
        using var store = SessionStores.Open(NewDatabase());
        store.Create("s1", Noon);
        Assert.True(store.TryAddAnswers("s1", Answers(8), Noon, 10));
        Assert.False(store.TryAddAnswers("s1", Answers(3), Noon, 10));
        Assert.True(store.TryAddAnswers("s1", Answers(2), Noon, 10));
        Assert.Equal(10, store.Answers("s1").Count);
    }

    [Fact]
    public async Task Writers_on_two_stores_of_one_database_never_take_a_session_past_its_cap()
    {
        // Two stores on one database stand for two replicas: nothing in memory is shared, only the database.
        var database = NewDatabase();
        using var first = SessionStores.Open(database);
        using var second = SessionStores.Open(database);
        first.Create("s1", Noon);
        var writes = Enumerable.Range(0, 24).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryAddAnswers("s1", Answers(10), Noon, 100)));
        var stored = await Task.WhenAll(writes);
        Assert.Equal(10, stored.Count(s => s));
        Assert.Equal(100, second.Answers("s1").Count);
    }

    private static StoredAnswer[] Answers(int count) => [.. Enumerable.Range(0, count).Select(i => new StoredAnswer($"{i}", 3f))];
}
