namespace Collab.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int UserError = 1;
    public const int InternalError = 2;
}
