using System.Diagnostics;

namespace Collab.Reports.Tests.Support;

/// <summary>
/// Runs LibreOffice headless (Debian's libreoffice-calc) to recalculate a workbook and export every sheet as
/// CSV. Each run gets a fresh profile whose "recalculation on file load" for Excel files is set to always, so
/// the CSV holds LibreOffice's own results, never the values cached in the file.
/// </summary>
public static class LibreOffice
{
    public const string Missing =
        "LibreOffice (soffice) is not installed, and the spreadsheet tests need it to recalculate the workbook. "
        + "Install it with: apt-get update && apt-get install -y --no-install-recommends libreoffice-calc (.ci/apt-packages lists it; `bash .ci/run` installs it).";

    /// <summary>CSV export options: comma, double quotes, UTF-8, raw values (not as shown), every sheet to its own file.</summary>
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private const string AlwaysRecalculate = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    /// <summary>The soffice program, or a failure that says how to install it.</summary>
    public static string Executable
    {
        get
        {
            var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "soffice"))
                .Append("/usr/lib/libreoffice/program/soffice");
            return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(Missing);
        }
    }

    /// <summary>Opens the workbook in LibreOffice, recalculates it, and reads every sheet back by name.</summary>
    public static IReadOnlyDictionary<string, SheetGrid> Recalculate(string xlsx, IEnumerable<string> sheetNames, string workFolder)
    {
        var output = Path.Combine(workFolder, "csv");
        Run(xlsx, CsvFilter, output, workFolder);
        var name = Path.GetFileNameWithoutExtension(xlsx);
        return sheetNames.ToDictionary(sheet => sheet, sheet =>
        {
            var file = Path.Combine(output, $"{name}-{sheet}.csv");
            Assert.True(File.Exists(file), $"LibreOffice wrote no CSV for sheet '{sheet}' in {output}.");
            return SheetGrid.FromCsv(File.ReadAllText(file));
        });
    }

    private static void Run(string input, string filter, string outputFolder, string workFolder)
    {
        var profile = Path.Combine(workFolder, "lo-profile");
        Directory.CreateDirectory(Path.Combine(profile, "user"));
        File.WriteAllText(Path.Combine(profile, "user", "registrymodifications.xcu"), AlwaysRecalculate);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", filter, "--outdir", outputFolder, input })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"LibreOffice did not convert {input} within two minutes.");
        }
        Assert.True(process.ExitCode == 0, $"soffice exited with {process.ExitCode}: {stdout.Result} {stderr.Result}");
    }
}
