using System.Text.Json;

namespace Collab.Tuning;

/// <summary>
/// What a search has done so far, saved after every trial so an interrupted search resumes where it stopped. The
/// protocol fields must match on resume: a state file from another file, seed or fold count is refused.
/// </summary>
public sealed record TuningState
{
    /// <summary>Rows of the ratings table.</summary>
    public required int Rows { get; init; }

    /// <summary>Share of rows held out (never seen by the search).</summary>
    public required double HoldoutPct { get; init; }

    /// <summary>Seed of the held-out split, the folds and the draws.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Folds of cross-validation over the remaining rows.</summary>
    public required int Folds { get; init; }

    /// <summary>Trials in the order they ran.</summary>
    public List<TrialResult> Trials { get; init; } = [];

    /// <summary>The trial with the lowest mean RMSE, if any.</summary>
    public TrialResult? Best => Trials.MinBy(t => t.Mean);

    /// <summary>Reads a state file.</summary>
    public static TuningState Load(string path) =>
        JsonSerializer.Deserialize<TuningState>(File.ReadAllText(path), CollabJson.Options)
        ?? throw new InvalidDataException($"{path} is not a tuning state file.");

    /// <summary>Writes the state through a temporary file and a rename.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, CollabJson.Options));
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Whether a saved state was made under the same protocol.</summary>
    public bool SameProtocol(TuningState other) =>
        other.Rows == Rows && other.HoldoutPct.Equals(HoldoutPct) && other.Seed == Seed && other.Folds == Folds;
}
