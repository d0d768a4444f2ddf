using Collab.Models.Implicit;
using MathNet.Numerics.LinearAlgebra;

namespace Collab.Tests.Models.Implicit;

public sealed class EaseModelTests
{
    // Seven users over five items (item 4 is seen by nobody, like #na#).
    private static readonly int[][] Users = [[0, 1], [0, 1, 2], [1, 2], [2, 3], [0, 3], [0, 1, 3], [3]];

    private const int Items = 5;

    [Fact]
    public void Each_column_of_B_is_the_ridge_regression_of_that_item_on_all_the_others()
    {
        const double Lambda = 0.7;
        var ease = EaseModel.Train(ImplicitData.Index(Users), Items, new EaseOptions { Lambda = Lambda });
        var x = Matrix<double>.Build.Dense(Users.Length, Items, (u, i) => Users[u].Contains(i) ? 1 : 0);
        for (int j = 0; j < Items; j++)
        {
            // min ‖x_j − X_{−j}·b‖² + λ‖b‖², the constraint B_jj = 0 by leaving column j out.
            int[] others = [.. Enumerable.Range(0, Items).Where(i => i != j)];
            var rest = Matrix<double>.Build.Dense(Users.Length, others.Length, (u, c) => x[u, others[c]]);
            var b = (rest.TransposeThisAndMultiply(rest) + Lambda * Matrix<double>.Build.DenseIdentity(others.Length))
                .Solve(rest.TransposeThisAndMultiply(x.Column(j)));
            for (int c = 0; c < others.Length; c++)
                Assert.Equal(b[c], ease.Weights[others[c] * Items + j], 1e-6);
        }
    }

    [Fact]
    public void The_diagonal_is_zero()
    {
        var ease = EaseModel.Train(ImplicitData.Index(Users), Items, new EaseOptions { Lambda = 2 });
        for (int i = 0; i < Items; i++)
            Assert.Equal(0f, ease.Weights[i * Items + i]);
    }

    [Fact]
    public void The_closed_form_matches_a_hand_computed_two_item_case()
    {
        // One user with both items: XᵀX + λI = [[2, 1], [1, 2]] at λ = 1, P = [[2, −1], [−1, 2]] / 3,
        // B_01 = −P_01 / P_11 = 1/2.
        var ease = EaseModel.Train(ImplicitData.Index([[0, 1]]), 2, new EaseOptions { Lambda = 1 });
        Assert.Equal([0f, 0.5f, 0.5f, 0f], ease.Weights.ToArray());
    }

    [Fact]
    public void A_users_scores_are_the_sum_of_the_B_rows_of_their_items_and_many_users_score_alike()
    {
        var index = ImplicitData.Index(Users);
        var ease = EaseModel.Train(index, Items, new EaseOptions { Lambda = 1 });
        var scores = new float[Items];
        ease.Score([0, 3], scores);
        for (int j = 0; j < Items; j++)
            Assert.Equal(ease.Weights[0 * Items + j] + ease.Weights[3 * Items + j], scores[j], 1e-6f);
        var many = new float[Users.Length * Items];
        ease.ScoreMany(index, [.. Enumerable.Range(0, Users.Length)], many);
        for (int u = 0; u < Users.Length; u++)
        {
            ease.Score(index.ItemsOf(u), scores);
            Assert.Equal(scores, many.AsSpan(u * Items, Items).ToArray());
        }
    }

    [Fact]
    public void More_items_than_the_limit_are_refused_with_the_limit_and_the_memory_needed()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EaseModel.Train(ImplicitData.Index([[0]]), EaseModel.MaxItems + 1));
        Assert.Contains("20,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("GiB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Lambda_must_be_positive(double lambda) =>
        Assert.Equal("Lambda", Assert.Throws<ArgumentOutOfRangeException>(new EaseOptions { Lambda = lambda }.Validate).ParamName);

    [Fact]
    public void Duplicate_interactions_count_once()
    {
        var once = EaseModel.Train(ImplicitData.Index(Users), Items, new EaseOptions { Lambda = 1 });
        var twice = EaseModel.Train(ImplicitData.Index([.. Users.Select(u => u.Concat(u).ToArray())]), Items, new EaseOptions { Lambda = 1 });
        Assert.Equal(once.Weights.ToArray(), twice.Weights.ToArray());
    }
}
