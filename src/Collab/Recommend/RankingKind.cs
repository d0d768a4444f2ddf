namespace Collab.Recommend;

/// <summary>What a <see cref="Ranking"/> ranks.</summary>
public enum RankingKind
{
    /// <summary>Items for a user, by predicted rating.</summary>
    Recommendations,

    /// <summary>Items like an item, by cosine similarity of their factors.</summary>
    SimilarItems,

    /// <summary>Users like a user, by cosine similarity of their factors.</summary>
    SimilarUsers,
}
