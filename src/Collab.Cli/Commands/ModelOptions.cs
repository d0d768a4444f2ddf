using System.CommandLine;
using Collab.Recommend;
using Collab.Recommend.Approximate;

namespace Collab.Cli.Commands;

/// <summary>Arguments and options of the commands that read a trained model.</summary>
internal static class ModelOptions
{
    public static Argument<string> Model() => new("model") { Description = "A model file written by 'collab train --out'." };

    public static Option<int> Count(int fallback) => new("-n", "--count") { Description = "How many results to show.", DefaultValueFactory = _ => fallback };

    public static Option<bool> Exact() => new("--exact")
    {
        Description = $"Score every item, even on a catalog of {ApproximateOptions.Default.MinItems:N0} trained items or more, where an approximate (HNSW) index is used by default.",
    };

    public static Option<int> Candidates() => new("--candidates")
    {
        Description = "With the approximate index: candidates taken per result before they are re-scored with the whole model (more: higher recall, slower).",
        DefaultValueFactory = _ => ApproximateOptions.Default.CandidatesPerResult,
    };

    /// <summary>What <see cref="Exact"/> and <see cref="Candidates"/> ask for; built indexes are kept beside the model file.</summary>
    public static ApproximateOptions Approximate(bool exact, int candidates, string modelPath)
    {
        if (candidates < 1)
            throw new UserErrorException("--candidates must be at least 1.");
        return exact ? ApproximateOptions.Exact : ApproximateOptions.Default with { CandidatesPerResult = candidates, IndexPath = modelPath };
    }

    /// <summary>Says on standard error when answers come from the approximate index, so a user knows to try --exact.</summary>
    public static void NoteIndex(Predictor predictor)
    {
        if (predictor.UsesIndex)
        {
            Console.Error.WriteLine("note: top-N by the approximate (HNSW) index, its candidates re-scored with the whole model; --exact scores every item. "
                + "The first run on a model builds the index (minutes for a million items) and keeps it beside the model file.");
        }
    }

    public static Option<string?> ItemsFile() => new("--items-file")
    {
        Description = "Item titles and genres: a MovieLens movies.csv, u.item or movies.dat. Default: the one beside the model's ratings, if any.",
    };
}
