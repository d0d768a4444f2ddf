namespace Collab.Training.Bayesian;

/// <summary>Which index of a rating picks the row of a <see cref="FeatureBlock"/>.</summary>
internal enum FeatureSide
{
    User,
    Item,
}
