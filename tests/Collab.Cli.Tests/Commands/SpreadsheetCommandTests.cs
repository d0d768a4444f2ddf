using System.Globalization;
using System.Text.Json;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class SpreadsheetCommandTests
{
    [Fact]
    public void Spreadsheet_on_the_sample_dataset_writes_the_lessons_five_sheets()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("collab.xlsx");
        var result = CliRunner.Run("spreadsheet", "ml-sample", "--out", output, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(15, json.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("factors").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("rmse").GetDouble(), 0.05, 0.5);
        using var document = SpreadsheetDocument.Open(output, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(["matrix", "dotprod", "onehot", "embedding", "readme"], sheets);
        var dotprod = Cells(document, "dotprod");
        Assert.Equal(json.RootElement.GetProperty("rated").GetInt32(), Number(dotprod["B4"]));
        Assert.Contains("MMULT", dotprod["H12"].CellFormula!.Text);
    }

    [Fact]
    public void Spreadsheet_from_a_model_file_shows_that_models_rows_and_predictions()
    {
        using var temp = new TempFolder();
        var model = temp.Combine("sample.collab");
        var output = temp.Combine("model.xlsx");
        Assert.Equal(0, CliRunner.Run("train", "ml-sample", "--epochs", "1", "--factors", "4", "--out", model).ExitCode);
        var result = CliRunner.Run("spreadsheet", model, "--users", "6", "--items", "5", "--out", output);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("4 factors from the rows of the trained model sample.collab", result.Output);

        var predictor = new Predictor(TrainedModel.Load(model));
        using var document = SpreadsheetDocument.Open(output, false);
        var dotprod = Cells(document, "dotprod");
        // 4 factors: item factors in rows 5-8, item biases in row 9, ids in row 10, users from row 11; items from column G.
        for (int u = 0; u < 6; u++)
        {
            for (int i = 0; i < 5; i++)
            {
                var user = Id(dotprod[$"A{11 + u}"]);
                var item = Id(dotprod[$"{(char)('G' + i)}10"]);
                var cell = dotprod[$"{(char)('G' + i)}{11 + u}"];
                Assert.NotNull(cell.CellFormula);
                Assert.Equal(predictor.Predict(user, item).Rating, Number(cell), 1e-5);
            }
        }
    }

    [Fact]
    public void Spreadsheet_refuses_training_options_with_a_model_file()
    {
        using var temp = new TempFolder();
        var model = temp.Combine("m.collab");
        Assert.Equal(0, CliRunner.Run("train", "ml-sample", "--epochs", "1", "--out", model).ExitCode);
        var result = CliRunner.Run("spreadsheet", model, "--factors", "5", "--out", temp.Combine("x.xlsx"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--factors only apply to the short training run", result.Error);
        Assert.False(File.Exists(temp.Combine("x.xlsx")));
    }

    [Fact]
    public void Spreadsheet_refuses_more_users_than_a_workbook_holds()
    {
        var result = CliRunner.Run("spreadsheet", "ml-sample", "--users", "51");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--users must lie between 1 and 50", result.Error);
    }

    private static Dictionary<string, Cell> Cells(SpreadsheetDocument document, string sheet)
    {
        var entry = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(entry.Id!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
    }

    private static double Number(Cell cell) => double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);

    private static string Id(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue!.Text;
}
