using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Interpretation;
using Collab.Persistence;
using Spectre.Console;
using Collab.Models;

namespace Collab.Cli.Commands;

/// <summary><c>collab summary</c>: the model's layers in the lesson's terms, with parameter counts, and how it was trained.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var json = CommonOptions.Json();
        var command = new Command("summary", "Describe a model: inputs, parameters (with counts), activations, output and loss, and its training.") { model, json };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, bool json)
    {
        var trained = TrainedModel.Load(modelPath);
        var summary = ModelSummary.Of(trained);
        var training = trained.Summary;
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                rows = summary.Rows,
                totalParameters = summary.TotalParameters,
                trainedParameters = summary.TrainedParameters,
                training = new { training.Source, training.Rows, training.TrainRows, training.ValidRows, training.Options, validRmse = training.ValidRmse },
            }, CollabJson.Options));
            return ExitCodes.Ok;
        }
        var m = trained.FactorsFor("summary");
        Console.Out.WriteLine($"{Title(trained.Kind)}: {m.UserCount - 1:N0} users and {m.ItemCount - 1:N0} items (+1 #na# row each), {m.Factors} factors.");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("part", "name", "shape").AddColumn(new TableColumn("numbers").RightAligned()).AddColumn("what it is");
        foreach (var row in summary.Rows)
        {
            table.AddRow(row.Part.ToString().ToLowerInvariant(), Markup.Escape(row.Name), Markup.Escape(row.Shape),
                row.Count.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(row.Meaning));
        }
        AnsiConsole.Write(table);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Parameters: {summary.TotalParameters:N0} in all, {summary.TrainedParameters:N0} in rows that training ratings reached."));
        Console.Out.WriteLine("Parameters are numbers that are stored and learned; activations are numbers calculated from them, per rating.");
        var o = training.Options;
        var rmse = double.IsNaN(training.ValidRmse) ? "n/a" : training.ValidRmse.ToString("F4", CultureInfo.InvariantCulture);
        var how = o.Bayes is { } chain
            ? $"{chain.Sweeps} Gibbs sweeps of rank {chain.Rank} over the features {string.Join(", ", chain.Features)}, {chain.Kept} samples averaged"
            : $"{training.Epochs.Count} epochs of one cycle at lr {o.LearningRate:G3}, wd {o.WeightDecay:G3}, batch size {o.BatchSize}";
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on {training.TrainRows:N0} of {training.Rows:N0} ratings from {training.Source}: {how}; valid RMSE {rmse}."));
        return ExitCodes.Ok;
    }

    private static string Title(ModelKind kind) => kind switch
    {
        ModelKind.Ials => "Implicit ALS factors (Hu, Koren and Volinsky 2008)",
        ModelKind.Bpr => "The dot-bias tables trained with BPR",
        ModelKind.Bce => "The dot-bias tables trained with sampled binary cross-entropy",
        ModelKind.Bayes => "A Bayesian factorization machine (Gibbs-sampled, libFM's MCMC) folded into dot-bias tables",
        _ => "The lesson's model (fastai EmbeddingDotBias)",
    };
}
