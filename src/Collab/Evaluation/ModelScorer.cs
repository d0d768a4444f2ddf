using Collab.Models;
using Collab.Models.Implicit;
using Collab.Models.Neural;

namespace Collab.Evaluation;

/// <summary>A trained <see cref="ICollabModel"/> as an <see cref="IItemScorer"/> (the neural model scores items through <see cref="NeuralItemScorer"/>).</summary>
public sealed class ModelScorer : IItemScorer
{
    private readonly ICollabModel _model;
    private readonly NeuralItemScorer? _neural;
    private readonly int[] _users;
    private readonly int[] _items;

    /// <summary>Wraps a model whose item tables have <paramref name="itemCount"/> rows.</summary>
    public ModelScorer(string name, ICollabModel model, int itemCount, bool predictsRatings)
    {
        ArgumentNullException.ThrowIfNull(model);
        Name = name;
        _model = model;
        PredictsRatings = predictsRatings;
        _neural = model is EmbeddingNN neural ? neural.CreateItemScorer() : null;
        _users = new int[itemCount];
        _items = [.. Enumerable.Range(0, itemCount)];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool PredictsRatings { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions) =>
        _model.Predict(users, items, predictions);

    /// <inheritdoc />
    public void ScoreAll(int user, Span<float> scores)
    {
        if (_neural is not null)
        {
            _neural.ScoreAll(user, scores);
            return;
        }
        if (_model is EaseScorer ease)
        {
            ease.ScoreAll(user, scores);
            return;
        }
        Array.Fill(_users, user);
        _model.Predict(_users, _items, scores);
    }
}
