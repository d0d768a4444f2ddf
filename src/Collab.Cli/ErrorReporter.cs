using Collab.Data;
using Collab.Data.Datasets;
using Collab.Persistence;
using Collab.Training;

namespace Collab.Cli;

/// <summary>Turns exceptions into one clear line on standard error and an exit code; stack traces only for bugs.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        // Seeds of an ensemble train in parallel: one that diverges arrives wrapped.
        if (exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var first, ..] inner && inner.All(IsUserError))
            exception = first;
        if (IsUserError(exception))
        {
            // Messages that echo file text escape it themselves; this keeps any other control character off the terminal
            // too, and only the line breaks a message was written with.
            error.WriteLine($"error: {string.Join('\n', exception.Message.Split('\n').Select(line => DisplayText.Escape(line)))}");
            return ExitCodes.UserError;
        }
        error.WriteLine($"internal error: {exception.Message}");
        error.WriteLine("This is a bug in Collab. Please report it with the command you ran and the lines below.");
        error.WriteLine(exception.ToString());
        return ExitCodes.InternalError;
    }

    private static bool IsUserError(Exception e) => e is UserErrorException or RatingsFormatException
        or ModelFileException or ModelKindException or DatasetUnavailableException or DatasetIntegrityException or ArgumentException
        or FormatException or IOException or TrainingDivergedException or UnauthorizedAccessException or HttpRequestException;
}
