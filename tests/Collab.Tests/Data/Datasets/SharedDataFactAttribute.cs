namespace Collab.Tests.Data.Datasets;

/// <summary>A fact that is skipped, saying why, when the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Directory is null)
            Skip = "No shared/data folder beside the repository root (<repo>/../shared/data); real-data tests need it.";
    }
}
