namespace Collab.Tests.Architecture;

public sealed class LayeringTests
{
    [Fact]
    public void No_namespace_of_the_core_uses_a_layer_it_may_not()
    {
        var violations = NamespaceGraph.Dependencies
            .Where(edge => Layers.Of(edge.Key.From) != Layers.Of(edge.Key.To) && !Layers.MayUse[Layers.Of(edge.Key.From)].Contains(Layers.Of(edge.Key.To)))
            .Select(edge => $"{edge.Key.From} -> {edge.Key.To}: {edge.Value}")
            .ToList();
        Assert.True(violations.Count == 0, "Upward or sideways imports:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_core_namespaces_form_no_cycle()
    {
        var uses = NamespaceGraph.Dependencies.Keys.ToLookup(edge => edge.From, edge => edge.To);
        var state = new Dictionary<string, bool>();   // false: on the current path; true: finished
        var path = new Stack<string>();
        string? cycle = null;
        foreach (var ns in NamespaceGraph.Namespaces.Order(StringComparer.Ordinal))
        {
            if (cycle is null)
                Visit(ns);
        }
        Assert.True(cycle is null, "Namespace cycle: " + cycle);

        void Visit(string ns)
        {
            if (state.TryGetValue(ns, out bool finished))
            {
                if (!finished)
                    cycle ??= string.Join(" -> ", path.Reverse().SkipWhile(n => n != ns).Append(ns));
                return;
            }
            state[ns] = false;
            path.Push(ns);
            foreach (var next in uses[ns])
                Visit(next);
            path.Pop();
            state[ns] = true;
        }
    }

    [Fact]
    public void Every_core_namespace_belongs_to_a_named_layer()
    {
        Assert.All(NamespaceGraph.Namespaces, ns => Assert.True(ns == "Collab" || Layers.Of(ns) != "Collab", $"{ns} has no layer in Layers.MayUse"));
    }

    [Fact]
    public void The_graph_sees_the_dependencies_the_code_is_known_to_have()
    {
        // Guards the two tests above against passing on an empty graph.
        Assert.Contains(("Collab.Training", "Collab.Persistence"), NamespaceGraph.Dependencies.Keys);
        Assert.Contains(("Collab.Recommend", "Collab.Numerics"), NamespaceGraph.Dependencies.Keys);
        Assert.Contains("Collab.Models.Neural", NamespaceGraph.Namespaces);
    }
}
