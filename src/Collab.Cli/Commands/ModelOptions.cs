using System.CommandLine;

namespace Collab.Cli.Commands;

/// <summary>Arguments and options of the commands that read a trained model.</summary>
internal static class ModelOptions
{
    public static Argument<string> Model() => new("model") { Description = "A model file written by 'collab train --out'." };

    public static Option<int> Count(int fallback) => new("-n", "--count") { Description = "How many results to show.", DefaultValueFactory = _ => fallback };

    public static Option<string?> ItemsFile() => new("--items-file")
    {
        Description = "Item titles and genres: a MovieLens movies.csv, u.item or movies.dat. Default: the one beside the model's ratings, if any.",
    };
}
