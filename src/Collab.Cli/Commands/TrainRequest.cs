using Collab.Data;
using Collab.Training;

namespace Collab.Cli.Commands;

/// <summary>Everything <c>collab train</c> was asked to do, parsed and checked.</summary>
internal sealed record TrainRequest(
    TrainingOptions Training,
    RatingsFileOptions FileOptions,
    string? ValidFile,
    string? Out,
    string? Plot,
    string? DataDir,
    bool Json,
    int Ensemble = 1)
{
    /// <summary>Binarise the ratings at this threshold (--implicit); null keeps them.</summary>
    public float? ImplicitThreshold { get; init; }

    /// <summary>The seed count came from the recipe, not from --ensemble, so it may give way to the machine's memory.</summary>
    public bool EnsembleFromRecipe { get; init; }

    /// <summary>The default recipe gave way to the dot ensemble because the file is large.</summary>
    public bool EnsembleForSize { get; init; }

    /// <summary>--items: the bayes model's item attributes file; null looks beside the ratings, 'none' takes none.</summary>
    public string? ItemsFile { get; init; }

    /// <summary>--users: the bayes model's user attributes file; null looks beside the ratings, 'none' takes none.</summary>
    public string? UsersFile { get; init; }

    /// <summary>The file has no rating column: every line is an interaction.</summary>
    public bool WithoutRatings { get; init; }
}
