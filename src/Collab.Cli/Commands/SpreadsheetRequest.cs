using Collab.Training;

namespace Collab.Cli.Commands;

/// <summary>
/// Everything <c>collab spreadsheet</c> was asked to do, parsed and checked. <c>Training</c> is the short run's
/// recipe (used only when the source holds ratings); <c>TrainingOptionsGiven</c> names the training options the
/// user typed, which a model file refuses.
/// </summary>
internal sealed record SpreadsheetRequest(
    string Source,
    int Users,
    int Items,
    TrainingOptions Training,
    IReadOnlyList<string> TrainingOptionsGiven,
    string Out,
    string? DataDir,
    bool Json);
