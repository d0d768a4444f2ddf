using Collab.Server.Contracts;

namespace Collab.Server.Onboarding;

/// <summary>Replays a session's answer log: the latest answer about each item counts (a rating, or null for "not seen").</summary>
internal static class LatestAnswers
{
    public static Dictionary<string, float?> Of(IEnumerable<StoredAnswer> log)
    {
        var latest = new Dictionary<string, float?>(StringComparer.Ordinal);
        foreach (var answer in log)
            latest[answer.Item] = answer.Rating;
        return latest;
    }
}
