using System.CommandLine;
using System.CommandLine.Help;
using Collab.Cli;
using Collab.Cli.Commands;

// Redirected output has no terminal width; Spectre would wrap tables at 80 columns.
if (Console.IsOutputRedirected)
    Spectre.Console.AnsiConsole.Profile.Width = 200;

// A RootCommand takes its name from the entry assembly (Collab.Cli); a plain command named "collab", with the help and
// version options a RootCommand would add, makes every usage line say the name people type.
var root = new Command("collab", "Collab: collaborative filtering from the command line. Train the fastai lesson's model, predict, recommend.")
{
    new HelpOption(),
    new VersionOption(),
    TrainCommand.Create(),
    PredictCommand.Create(),
    EvaluateCommand.Create(),
    DatasetsCommand.Create(),
    SpreadsheetCommand.Create(),
    RecommendCommand.Create(),
    SimilarCommand.Create(),
    ExplainCommand.Create(),
    MatrixCommand.Create(),
    SummaryCommand.Create(),
    LrFindCommand.Create(),
    OnboardCommand.Create(),
    ColdStartEvalCommand.Create(),
    TuneCommand.Create(),
    SynthCommand.Create(),
    BenchCommand.Create(),
    ServeCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    return ErrorReporter.Report(e, Console.Error);
}
