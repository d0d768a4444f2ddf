using Collab.ColdStart;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Persistence;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.ColdStart;

public sealed class ImplicitFoldInTests
{
    [Fact]
    public void A_visitor_of_an_ials_model_is_folded_in_by_the_exact_least_squares_solve_of_its_own_settings()
    {
        var table = ImplicitFeedback.Binarize(Some.PlantedRatings(40, 30, 2, 0.5, 0.1, 13), 3);
        var settings = new IalsOptions { Factors = 5, Iterations = 4, Regularization = 0.05, UnobservedWeight = 0.2 };
        var trained = CollabTrainer.Train(table, Recipes.ForModel(ModelKind.Ials) with { Ials = settings });
        Assert.Equal(settings, trained.Summary.Options.Ials);
        string[] picks = ["i3", "i7", "i12"];
        var visitor = new FoldIn(trained).User(picks.Select(p => KeyValuePair.Create(p, 5f)));
        var rows = picks.Select(p => trained.Items.Encode(p)).ToArray();
        var expected = IalsTrainer.FoldIn(trained.Factors!, rows, settings);
        Assert.Equal(expected, visitor.Row.Factors.ToArray());
        // A different objective gives a different row: the saved settings are the ones used.
        Assert.NotEqual(expected, IalsTrainer.FoldIn(trained.Factors!, rows, settings with { Regularization = 5 }));

        // Saved and loaded, the model folds the visitor in the same way.
        using var temp = new TempFolder();
        var path = temp.Combine("ials.collab");
        trained.Save(path);
        var loaded = TrainedModel.Load(path);
        Assert.Equal(expected, new FoldIn(loaded).User(picks.Select(p => KeyValuePair.Create(p, 5f))).Row.Factors.ToArray());
        Assert.NotEmpty(visitor.Recommend(5));
    }
}
