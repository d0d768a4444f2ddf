using Collab.Training;

namespace Collab.Reports;

/// <summary>
/// Defaults of the lesson's workbook, shared by the library and the CLI's help: the lesson's 15 x 15 matrix
/// with 5 factors, and a short one-cycle run that fits that small matrix in well under a second.
/// </summary>
public static class SpreadsheetDefaults
{
    /// <summary>Users (rows) of the matrix: the lesson's 15 most active.</summary>
    public const int Users = 15;

    /// <summary>Items (columns) of the matrix: the lesson's 15 most rated.</summary>
    public const int Items = 15;

    /// <summary>Factors per user and item: the lesson's 5.</summary>
    public const int Factors = 5;

    /// <summary>Epochs of the short run on the matrix.</summary>
    public const int Epochs = 40;

    /// <summary>Peak learning rate of the short run.</summary>
    public const double LearningRate = 0.05;

    /// <summary>Batch size of the short run (a 15 x 15 matrix has at most 225 rated cells).</summary>
    public const int BatchSize = 16;

    /// <summary>The short run's recipe: the core's defaults (weight decay, seed, y_range, Adam) with the values above.</summary>
    public static TrainingOptions Training => new()
    {
        Factors = Factors,
        Epochs = Epochs,
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        ValidPct = 0,
    };
}
