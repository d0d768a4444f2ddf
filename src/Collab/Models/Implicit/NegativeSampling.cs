namespace Collab.Models.Implicit;

/// <summary>How negative items are drawn for implicit-feedback training (never an item the user has in training).</summary>
public enum NegativeSampling
{
    /// <summary>Every item equally likely.</summary>
    Uniform,

    /// <summary>Items in proportion to their number of training interactions, so popular items are pushed down harder.</summary>
    Popularity,
}
