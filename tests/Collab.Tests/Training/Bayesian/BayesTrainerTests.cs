using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Recommend;
using Collab.Training;
using Collab.Training.Bayesian;

namespace Collab.Tests.Training.Bayesian;

public sealed class BayesTrainerTests
{
    private const double Noise = 0.3;

    // r = 3 + b_u + b_i + p_u·q_i + ε, unclipped: the factorization machine of user and item one-hot, exactly.
    private static (RatingsTable Table, Func<string, string, double> Truth) Planted(int users, int items, int rank, int perUser, ulong seed)
    {
        var random = new SeededRandom(seed);
        double[][] Rows(int n, double scale) => [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, rank).Select(_ => random.NextGaussian() * scale).ToArray())];
        var p = Rows(users, 0.8);
        var q = Rows(items, 0.8);
        var bu = Enumerable.Range(0, users).Select(_ => random.NextGaussian() * 0.4).ToArray();
        var bi = Enumerable.Range(0, items).Select(_ => random.NextGaussian() * 0.4).ToArray();
        double Truth(int u, int i) => 3 + bu[u] + bi[i] + p[u].Zip(q[i], (a, b) => a * b).Sum();
        var rows = new List<(string, string, float)>();
        for (int u = 0; u < users; u++)
        {
            foreach (int i in random.Permutation(items)[..perUser])
                rows.Add(($"u{u}", $"i{i}", (float)(Truth(u, i) + Noise * random.NextGaussian())));
        }
        return (RatingsTable.FromTriples(rows), (user, item) => Truth(int.Parse(user[1..]), int.Parse(item[1..])));
    }

    [Fact]
    public void The_sampler_recovers_a_planted_model_and_the_noise_level()
    {
        var (table, truth) = Planted(users: 150, items: 120, rank: 3, perUser: 60, seed: 11);
        var options = new TrainingOptions { Model = ModelKind.Bayes, Seed = 5, Bayes = new BayesOptions { Rank = 3, Sweeps = 120, BurnIn = 20, ImplicitSets = false } };
        var trained = BayesTrainer.Train(table, options);
        var chain = trained.Summary.Options.Bayes!;
        Assert.InRange(chain.NoiseStd, Noise * 0.9, Noise * 1.1);
        // Held-out ratings carry noise σ, so their RMSE can approach σ but not go far below it.
        Assert.InRange(trained.Summary.ValidRmse, Noise * 0.85, Noise * 1.25);
        // Against the noiseless truth, the posterior mean is much closer than the noise.
        var predictor = new Predictor(trained);
        var split = DataSplit.Random(table.Count, options.ValidPct, options.Seed);
        double squares = 0;
        foreach (int row in split.Valid)
        {
            var (user, item) = (table.UserIds[table.Users[row]], table.ItemIds[table.Items[row]]);
            squares += Math.Pow(predictor.Predict(user, item).Rating - truth(user, item), 2);
        }
        Assert.InRange(Math.Sqrt(squares / split.Valid.Length), 0, Noise * 0.6);
    }

    [Fact]
    public void A_stopped_chain_keeps_the_samples_drawn_so_far_and_still_predicts()
    {
        var (table, _) = Planted(users: 60, items: 50, rank: 2, perUser: 20, seed: 3);
        using var stop = new CancellationTokenSource();
        var sweeps = new List<GibbsSweep>();
        var progress = new Listener(s =>
        {
            sweeps.Add(s);
            if (s.Sweep == 12)
                stop.Cancel();
        });
        var options = new TrainingOptions { Model = ModelKind.Bayes, Bayes = new BayesOptions { Rank = 2, Sweeps = 200, BurnIn = 4, Thin = 2 } };
        var trained = BayesTrainer.Train(table, options, progress: progress, cancellation: stop.Token);
        Assert.True(trained.Summary.Stopped);
        Assert.Equal(12, sweeps.Count);
        Assert.Equal(4, trained.Summary.Options.Bayes!.Kept);   // sweeps 5, 7, 9 and 11 (1-based) after a burn-in of 4
        Assert.Equal(Enumerable.Range(1, 12), sweeps.Select(s => s.Sweep));
        Assert.True(double.IsFinite(trained.Summary.ValidRmse));
        Assert.True(double.IsFinite(new Predictor(trained).Predict("u1", "i1").Rating));
    }

    [Fact]
    public void The_saved_model_is_the_mean_of_the_kept_samples_merged()
    {
        var (table, _) = Planted(users: 80, items: 60, rank: 2, perUser: 25, seed: 8);
        var options = new TrainingOptions { Model = ModelKind.Bayes, Bayes = new BayesOptions { Rank = 2, Sweeps = 30, BurnIn = 10, Thin = 5, MergedRank = 40 } };
        var trained = BayesTrainer.Train(table, options);
        var ensemble = trained.Summary.Ensemble!;
        Assert.Equal(4, ensemble.Members);
        // Four rank-2 samples span at most 8 directions: merged at rank 40 the mean is kept up to float rounding.
        Assert.True(trained.FactorsFor("test").Factors <= 8);
        Assert.Equal(ensemble.AveragedValidRmse, ensemble.ValidRmse, 5e-4);
        Assert.Equal(ModelKind.Bayes, trained.Kind);
    }

    [Fact]
    public void A_visitor_folds_in_to_the_bayes_model_as_to_any_factor_model()
    {
        var (table, _) = Planted(users: 120, items: 80, rank: 2, perUser: 30, seed: 6);
        var trained = BayesTrainer.Train(table, new TrainingOptions { Model = ModelKind.Bayes, Bayes = new BayesOptions { Rank = 2, Sweeps = 60 } });
        var predictor = new Predictor(trained);
        var foldIn = new Collab.ColdStart.FoldIn(trained);
        // A visitor who answers exactly what user u7 rated in training gets predictions close to u7's.
        int row = trained.Users.Encode("u7");
        var answers = trained.Interactions.ItemsOf(row).ToArray().Zip(trained.Interactions.RatingsOf(row).ToArray())
            .ToDictionary(p => trained.Items[p.First], p => p.Second);
        var visitor = foldIn.User(answers);
        Assert.Equal(answers.Count, visitor.RatingsUsed);
        double gap = answers.Keys.Average(item => Math.Abs(visitor.Predict(item) - predictor.Predict("u7", item).Rating));
        Assert.InRange(gap, 0, 0.35);
        var recommended = visitor.Recommend(10);
        Assert.Equal(10, recommended.Count);
        Assert.DoesNotContain(recommended, r => answers.ContainsKey(r.Id));
    }

    private sealed class Listener(Action<GibbsSweep> report) : IProgress<GibbsSweep>
    {
        public void Report(GibbsSweep value) => report(value);
    }
}
