using System.Diagnostics;

namespace Collab.Cli.Tests.Support;

/// <summary>Runs the real `collab` program (Collab.Cli.dll beside the tests) as a child process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "Collab.Cli.dll");

    /// <summary>Runs collab with arguments; COLLAB_DATA points at the shared data unless overridden.</summary>
    public static Result Run(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string? standardInput = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Never null: without the shared data a dataset lookup would reach for the network. The path fails clearly instead.
        start.Environment["COLLAB_DATA"] = Collab.Tests.Support.SharedData.Path("data");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "collab-cli-tests-cache");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
            process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"collab {string.Join(' ', args)} did not finish in time.");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Result Run(params string[] args) => Run((IEnumerable<string>)args);
}
