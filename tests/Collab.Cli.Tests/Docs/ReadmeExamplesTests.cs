using System.Text.RegularExpressions;
using Collab.Cli.Tests.Support;
using Collab.Tests.Support;

namespace Collab.Cli.Tests.Docs;

/// <summary>
/// The README's sample sessions (`$ collab ...` lines and the output lines under them) are run as written and must
/// print those lines, so the README cannot drift from what Collab does.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    [Fact]
    public void Every_sample_session_in_the_readme_prints_what_the_readme_shows()
    {
        var sessions = Sessions(File.ReadAllLines(Path.Combine(Repository.Root, "README.md")));
        Assert.NotEmpty(sessions);
        using var folder = new TempFolder();
        foreach (var (command, expected) in sessions.Where(s => s.Command.Length > 0))
        {
            // Files the README names relative to the reader's folder live in the test's folder.
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a.EndsWith(".collab", StringComparison.Ordinal) ? folder.Combine(a) : a).ToArray();
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"{command}: {result.Error}");
            var printed = result.Output.Split('\n').Select(Normalize).ToList();
            int at = 0;
            foreach (var line in expected.Select(l => Normalize(l.Replace("../shared/data", SharedData.Path("data"), StringComparison.Ordinal))))
            {
                // '…' in the README stands for text that varies from run to run.
                var pattern = new Regex("^" + string.Join(".*", line.Split('…').Select(Regex.Escape)) + "$");
                int found = printed.FindIndex(at, p => pattern.IsMatch(p));
                Assert.True(found >= 0, $"{command} did not print the README's line\n  {line}\nIt printed:\n{result.Output}");
                at = found + 1;
            }
        }
    }

    // Each `$ collab ...` line inside a fenced block, with the lines under it up to the next command or the fence's end.
    private static List<(string Command, List<string> Expected)> Sessions(string[] readme)
    {
        var sessions = new List<(string, List<string>)>();
        bool inBlock = false;
        foreach (var raw in readme)
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock)
            {
                if (sessions.Count > 0 && sessions[^1].Item1.Length > 0)
                    sessions.Add(("", [])); // a fence ends the session
                continue;
            }
            if (line.StartsWith("$ collab ", StringComparison.Ordinal))
                sessions.Add((line[2..], []));
            else if (sessions.Count > 0 && line.Length > 0)
                sessions[^1].Item2.Add(line);
        }
        return sessions;
    }

    private static string Normalize(string line) => Spaces().Replace(line.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
