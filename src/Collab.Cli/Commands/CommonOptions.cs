using System.CommandLine;

namespace Collab.Cli.Commands;

/// <summary>Options more than one command uses.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on standard output (no table, no progress)." };

    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Folder where datasets already are (<dir>/ml-latest-small/ratings.csv ...). Default: $COLLAB_DATA, then the cache.",
    };
}
