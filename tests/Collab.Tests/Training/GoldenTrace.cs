using System.Text.Json;
using Collab.Tests.Support;

namespace Collab.Tests.Training;

/// <summary>Typed access to the golden traces in ../shared/spec/golden (real fastai 2.7.18 runs).</summary>
internal sealed class GoldenTrace
{
    private GoldenTrace(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static GoldenTrace Load(string file = "fastai-collab-trace.json") =>
        new(JsonDocument.Parse(File.ReadAllText(SharedData.Path("spec", "golden", file))).RootElement);

    /// <summary>The second trace: fastai's neural model (EmbeddingNN) on the same data.</summary>
    public static GoldenTrace LoadNeural() => Load("fastai-collab-nn-trace.json");

    public static string CsvPath => SharedData.Path("spec", "golden", "tiny-ratings.csv");

    public JsonElement this[string name] => Root.GetProperty(name);

    /// <summary>The recorded run's batch size and, per epoch, the training-row order fastai used.</summary>
    public Collab.Training.LearnerOptions ReplayOptions() => new()
    {
        BatchSize = this["config"].GetProperty("bs").GetInt32(),
        EpochOrder = epoch => Ints(this["batch_order"][epoch].GetProperty("permutation")),
    };

    public static float[] Flatten(JsonElement matrix) =>
        [.. matrix.EnumerateArray().SelectMany<JsonElement, JsonElement>(row => row.ValueKind == JsonValueKind.Array ? row.EnumerateArray() : [row]).Select(v => (float)v.GetDouble())];

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt32())];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];
}
