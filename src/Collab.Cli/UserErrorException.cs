namespace Collab.Cli;

/// <summary>A mistake in what the user asked for; shown as one line, exit code 1.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
