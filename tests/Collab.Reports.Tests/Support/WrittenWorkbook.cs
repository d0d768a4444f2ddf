using Collab.Models;
using Collab.Persistence;
using Collab.Tests.Support;

namespace Collab.Reports.Tests.Support;

/// <summary>A planted workbook saved to a temporary folder, with the model that filled it.</summary>
public sealed class WrittenWorkbook : IDisposable
{
    public const string Matrix = "matrix", DotProd = "dotprod", OneHot = "onehot", Embedding = "embedding", Readme = "readme";

    public static readonly string[] Sheets = [Matrix, DotProd, OneHot, Embedding, Readme];

    private readonly TempFolder _folder = new();

    public WrittenWorkbook(int users, int items, int factors, OutputRange? yRange)
    {
        (Book, Model) = Some.Workbook(users, items, factors, yRange);
        Path = _folder.Combine("collab.xlsx");
        Book.Save(Path);
    }

    public LessonWorkbook Book { get; }

    public TrainedModel Model { get; }

    public string Path { get; }

    public string Folder => _folder.Path;

    /// <summary>The model's own prediction (the core's float arithmetic) for matrix row u and column i.</summary>
    public double ModelPrediction(int u, int i) =>
        Model.Factors!.Predict(Model.Users.Encode(Book.Matrix.Users[u]), Model.Items.Encode(Book.Matrix.Items[i]));

    /// <summary>A copy of the file in the same folder, for tests that change it.</summary>
    public string Copy(string name)
    {
        var copy = _folder.Combine(name);
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => _folder.Dispose();
}
