namespace Collab.Data.Datasets;

/// <summary>One line of the <c>collab datasets</c> listing: a known dataset and whether it is on disk.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Files">Its local files when present (without downloading or deriving), otherwise null.</param>
/// <param name="DownloadUrl">Where it would be downloaded from (for a derived set, its source's zip).</param>
public sealed record DatasetStatus(DatasetInfo Dataset, DatasetFiles? Files, Uri DownloadUrl)
{
    /// <summary>The dataset's name.</summary>
    public string Name => Dataset.Name;

    /// <summary>The dataset's one-line description.</summary>
    public string Description => Dataset.Description;

    /// <summary>True when the ratings file is on disk.</summary>
    public bool IsPresent => Files is not null;
}
