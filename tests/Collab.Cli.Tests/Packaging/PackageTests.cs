using System.Diagnostics;
using Collab.Cli.Tests.Support;
using Collab.Tests.Support;

namespace Collab.Cli.Tests.Packaging;

/// <summary>The library as a .NET user meets it: packed into a local feed, referenced by a fresh console project.</summary>
public sealed class PackageTests
{
    [Fact]
    public void The_packed_library_installs_into_a_fresh_project_and_runs_the_readme_quick_start()
    {
        var root = Repository.Root;
        using var temp = new TempFolder();
        // A version of its own, so the NuGet cache never serves an older pack of the same number.
        var version = $"0.2.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var feed = temp.Combine("feed");
        foreach (var project in new[] { "Collab", "Collab.Reports", "Collab.Server", "Collab.Cli" })
        {
            var pack = Run(root, "pack", Path.Combine(root, "src", project, project + ".csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}");
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, $"{project}.{version}.nupkg")), pack.Output);
        }
        Assert.True(File.Exists(Path.Combine(feed, $"Collab.{version}.snupkg")), "no symbol package");

        // The tool installs from the feed and answers as 'collab'.
        var tools = temp.Combine("tools");
        var install = Run(root, "tool", "install", "Collab.Cli", "--version", version, "--tool-path", tools, "--add-source", feed);
        Assert.True(install.ExitCode == 0, install.Output);
        var help = Run(root, Path.Combine(tools, "collab"), "--help");
        Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);

        var app = Directory.CreateDirectory(temp.Combine("app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="Collab" Version="{version}" /></ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(root, "samples", "QuickStart", "Program.cs"), Path.Combine(app, "Program.cs"));
        var run = Run(app, "run", "-c", "Release", "--", SharedData.Path("data", "movie_lens_sample", "ratings.csv"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("user 73 would rate movie 1097", run.Output, StringComparison.Ordinal);
        Assert.Equal(5, run.Output.Split('\n').Count(l => l.Length > 0 && char.IsDigit(l[0]) && l.Contains("  ", StringComparison.Ordinal)));
    }

    // dotnet with arguments, or (when the first argument is a path) that program.
    private static (int ExitCode, string Output) Run(string folder, params string[] args)
    {
        bool tool = args[0].Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var start = new ProcessStartInfo(tool ? args[0] : "dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in tool ? args[1..] : args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} ran for more than 5 minutes.");
        }
        return (process.ExitCode, output + error.Result);
    }
}
