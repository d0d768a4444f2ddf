using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collab;

/// <summary>The JSON settings Collab writes with everywhere (model headers, CLI --json, the service).</summary>
public static class CollabJson
{
    /// <summary>camelCase names, enums as strings, NaN allowed (a run without validation has NaN losses).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
