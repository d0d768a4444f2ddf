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
    int Ensemble = 1);
