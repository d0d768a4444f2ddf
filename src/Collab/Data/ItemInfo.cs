namespace Collab.Data;

/// <summary>What an items file says about one item.</summary>
/// <param name="Id">The raw item id, as in the ratings.</param>
/// <param name="Title">The title, e.g. "Toy Story (1995)".</param>
/// <param name="Genres">Its genres (empty when none are listed).</param>
public sealed record ItemInfo(string Id, string Title, IReadOnlyList<string> Genres);
