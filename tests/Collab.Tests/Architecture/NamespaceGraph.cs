using ArchUnitNET.Loader;

namespace Collab.Tests.Architecture;

/// <summary>Which core namespaces use which, read from the compiled assembly by ArchUnitNET (every type reference in signatures and IL).</summary>
internal static class NamespaceGraph
{
    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), string>> Edges = new(Build);

    /// <summary>Each dependency between two different core namespaces, with one type reference that makes it.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Dependencies => Edges.Value;

    /// <summary>Every core namespace that holds a type.</summary>
    public static IReadOnlySet<string> Namespaces { get; } =
        typeof(CollabDefaults).Assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(IsCore).ToHashSet();

    private static IReadOnlyDictionary<(string From, string To), string> Build()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(CollabDefaults).Assembly).Build();
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in architecture.Types)
        {
            string? from = type.Namespace?.FullName;
            if (!IsCore(from))
                continue;
            foreach (var dependency in type.Dependencies)
            {
                string? to = dependency.Target?.Namespace?.FullName;
                if (IsCore(to) && to != from)
                    edges.TryAdd((from!, to!), $"{type.FullName} uses {dependency.Target!.FullName}");
            }
        }
        return edges;
    }

    private static bool IsCore(string? ns) => ns is not null && (ns == "Collab" || ns.StartsWith("Collab.", StringComparison.Ordinal));
}
