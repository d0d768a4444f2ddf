namespace Collab.Cli.Rendering;

/// <summary>Writes each progress line to standard error at once, on the working thread (standard output stays for results).</summary>
internal sealed class StandardErrorProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine(value);
}
