using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Persistence;
using Collab.Recommend;

namespace Collab.Cli.Commands;

/// <summary><c>collab predict</c>: a user's predicted rating of an item, or of every pair in a file.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model file written by 'collab train --out'." };
        var user = new Option<string?>("--user") { Description = "Raw user id." };
        var item = new Option<string?>("--item") { Description = "Raw item id." };
        var pairs = new Option<string?>("--pairs") { Description = "A CSV/TSV file of user,item pairs (header optional) to predict in order." };
        var output = new Option<string?>("--out", "-o") { Description = "With --pairs: write predictions to this CSV file instead of standard output." };
        var json = CommonOptions.Json();
        var command = new Command("predict", "Predict ratings with a trained model, saying how each was obtained.") { model, user, item, pairs, output, json };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(user), parse.GetValue(item), parse.GetValue(pairs), parse.GetValue(output), parse.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, string? user, string? item, string? pairsPath, string? output, bool json)
    {
        if (pairsPath is null && (user is null || item is null))
            throw new UserErrorException("give --user and --item, or --pairs FILE.");
        if (pairsPath is not null && (user is not null || item is not null))
            throw new UserErrorException("give either --user/--item or --pairs, not both.");
        var predictor = new Predictor(TrainedModel.Load(modelPath));
        if (pairsPath is null)
        {
            var prediction = predictor.Predict(user!, item!);
            Console.Out.WriteLine(json
                ? JsonSerializer.Serialize(ToJson(prediction), CollabJson.Options)
                : $"user {prediction.User}, item {prediction.Item}: {prediction.Rating.ToString("F3", CultureInfo.InvariantCulture)} ({prediction.Explanation})");
            return ExitCodes.Ok;
        }
        var predictions = predictor.PredictMany(PairsFile.Read(pairsPath)).ToList();
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(predictions.Select(ToJson), CollabJson.Options));
        else if (output is null)
            WriteCsv(Console.Out, predictions);
        else
            AtomicFile.WriteText(output, writer => WriteCsv(writer, predictions));
        int unknown = predictions.Count(p => p.Basis != PredictionBasis.Model);
        if (unknown > 0 && !json)
            Console.Error.WriteLine($"note: {unknown} of {predictions.Count} pairs have an id the model never trained on (see the 'basis' column).");
        return ExitCodes.Ok;
    }

    private static object ToJson(Prediction p) => new { user = p.User, item = p.Item, rating = p.Rating, basis = p.Basis, explanation = p.Explanation };

    private static void WriteCsv(TextWriter writer, IEnumerable<Prediction> predictions)
    {
        writer.WriteLine("user,item,prediction,basis");
        var line = new StringBuilder();
        foreach (var p in predictions)
        {
            line.Clear();
            line.Append(Csv.Escape(p.User)).Append(',').Append(Csv.Escape(p.Item)).Append(',')
                .Append(p.Rating.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(p.Basis);
            writer.WriteLine(line);
        }
    }
}
