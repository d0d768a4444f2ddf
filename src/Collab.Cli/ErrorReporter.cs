using Collab.Data;
using Collab.Data.Datasets;
using Collab.Persistence;

namespace Collab.Cli;

/// <summary>Turns exceptions into one clear line on standard error and an exit code; stack traces only for bugs.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        if (IsUserError(exception))
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        error.WriteLine($"internal error: {exception.Message}");
        error.WriteLine("This is a bug in Collab. Please report it with the command you ran and the lines below.");
        error.WriteLine(exception.ToString());
        return ExitCodes.InternalError;
    }

    private static bool IsUserError(Exception e) => e is UserErrorException or RatingsFormatException
        or ModelFileException or ModelKindException or DatasetUnavailableException or DatasetIntegrityException or ArgumentException
        or FormatException or IOException or UnauthorizedAccessException or HttpRequestException;
}
