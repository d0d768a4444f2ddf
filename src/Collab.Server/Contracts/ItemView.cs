namespace Collab.Server.Contracts;

/// <summary>An item as the API shows it.</summary>
/// <param name="Id">Raw item id.</param>
/// <param name="Title">Title from the items file, when known.</param>
/// <param name="Genres">Genres from the items file.</param>
/// <param name="Ratings">Training ratings of the item.</param>
/// <param name="Score">Predicted rating or similarity, when ranked.</param>
/// <param name="Reason">Why it is recommended, in one line.</param>
internal sealed record ItemView(string Id, string? Title, IReadOnlyList<string> Genres, int Ratings, float? Score = null, string? Reason = null);
