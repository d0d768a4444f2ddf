namespace Collab.Models;

/// <summary>The lower-case names of <see cref="ModelKind"/>s that the command line, JSON and model files use.</summary>
public static class ModelKindNames
{
    /// <summary>Every kind's name, in <see cref="ModelKind"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ModelKind>().Select(Of)];

    /// <summary>The name of <paramref name="kind"/>: dot, nn, ials, ease, bpr or bce.</summary>
    public static string Of(ModelKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a name (any case); false when it names no kind.</summary>
    public static bool TryParse(string? name, out ModelKind kind)
    {
        kind = default;
        if (name is null)
            return false;
        int index = IndexOf(name);
        if (index < 0)
            return false;
        kind = Enum.GetValues<ModelKind>()[index];
        return true;
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}
