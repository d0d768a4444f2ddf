using Collab.Tests.Support;

namespace Collab.Cli.Tests.Support;

/// <summary>
/// Models trained once per test class by the real CLI: the lesson's sample with fastai's defaults (fast; its titles
/// come from ml-latest-small beside it) and ml-latest-small with the lesson's ML-100k recipe (5 epochs, wd 0.1).
/// </summary>
public sealed class TrainedModels : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Lazy<string> _latestSmall;

    public TrainedModels()
    {
        Sample = Train("sample.collab", "ml-sample", "--recipe", "fastai", "--epochs", "2");
        _latestSmall = new(() => Train("latest-small.collab", "ml-latest-small", "--recipe", "lesson"));
    }

    public string Sample { get; }

    public string LatestSmall => _latestSmall.Value;

    public string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private string Train(string name, params string[] args)
    {
        var path = _folder.Combine(name);
        var result = CliRunner.Run(["train", .. args, "--out", path]);
        Assert.True(result.ExitCode == 0, result.Error);
        return path;
    }
}
