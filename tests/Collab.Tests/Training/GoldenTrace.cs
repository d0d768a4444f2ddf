using System.Text.Json;
using Collab.Tests.Support;

namespace Collab.Tests.Training;

/// <summary>Typed access to ../shared/spec/golden/fastai-collab-trace.json, a real fastai 2.7.18 run.</summary>
internal sealed class GoldenTrace
{
    private GoldenTrace(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static GoldenTrace Load() =>
        new(JsonDocument.Parse(File.ReadAllText(SharedData.Path("spec", "golden", "fastai-collab-trace.json"))).RootElement);

    public static string CsvPath => SharedData.Path("spec", "golden", "tiny-ratings.csv");

    public JsonElement this[string name] => Root.GetProperty(name);

    public static float[] Flatten(JsonElement matrix) =>
        [.. matrix.EnumerateArray().SelectMany<JsonElement, JsonElement>(row => row.ValueKind == JsonValueKind.Array ? row.EnumerateArray() : [row]).Select(v => (float)v.GetDouble())];

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt32())];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];
}
