using Collab.Numerics;
using Collab.Persistence;

namespace Collab.Interpretation;

/// <summary>
/// PCA of the factor vectors of the most rated items (or users), as the lesson does with <c>pca(3)</c> on the
/// 1000 most rated titles: the first components are the directions along which the factors vary most, and
/// the items at either end of one often share an obvious trait (the lesson's "classics vs. blockbusters").
/// </summary>
public sealed class FactorPca
{
    private FactorPca(IReadOnlyList<string> ids, PrincipalComponents components)
    {
        Ids = ids;
        Components = components;
    }

    /// <summary>The ids analysed, most rated first; row r of <see cref="Components"/> is Ids[r].</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The components, their variance and each row's scores.</summary>
    public PrincipalComponents Components { get; }

    /// <summary>Every analysed id's coordinate along one component, highest first.</summary>
    public IReadOnlyList<ComponentScore> Ranked(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Components.Count);
        return [.. Ids.Select((id, r) => new ComponentScore(id, Components.Score(r, component))).OrderByDescending(s => s.Score)];
    }

    /// <summary>Analyses the factors of the <paramref name="mostRated"/> most rated rows of one side.</summary>
    public static FactorPca Compute(TrainedModel trained, ModelSide side, int components = 3, int mostRated = ModelBiases.DefaultMostRated)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var stats = trained.Stats;
        bool items = side == ModelSide.Items;
        var table = items ? trained.FactorsFor("The factor map").ItemFactors : trained.FactorsFor("The factor map").UserFactors;
        var ids = items ? trained.Items : trained.Users;
        int k = table.Columns;
        var rows = MostRated.Rows(items ? stats.ItemCounts : stats.UserCounts, mostRated);
        if (components < 1 || components > k)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"Ask for 1 to {k} components: the model has {k} factors.");
        if (rows.Length < 2)
            throw new ArgumentException($"PCA needs at least 2 trained {side.ToString().ToLowerInvariant()}; the model has {rows.Length}.");
        var data = new float[rows.Length * k];
        for (int r = 0; r < rows.Length; r++)
            table.Row(rows[r]).CopyTo(data.AsSpan(r * k, k));
        return new FactorPca([.. rows.Select(r => ids[r])], PrincipalComponents.Compute(data, rows.Length, k, components));
    }
}
