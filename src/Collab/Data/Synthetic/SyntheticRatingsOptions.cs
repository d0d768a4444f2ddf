namespace Collab.Data.Synthetic;

/// <summary>
/// The size and shape of a synthetic ratings set: how many users, items and ratings, how skewed their
/// popularity is, and the planted model the ratings come from. The defaults make an ml-25m look-alike's
/// shape at any size; only <see cref="Users"/>, <see cref="Items"/> and <see cref="Ratings"/> are needed.
/// </summary>
public sealed record SyntheticRatingsOptions
{
    /// <summary>Users; every user rates at least one item. <value>Default: 1,000.</value></summary>
    public int Users { get; init; } = 1_000;

    /// <summary>Items that can be rated (the least popular may receive no rating). <value>Default: 1,000.</value></summary>
    public int Items { get; init; } = 1_000;

    /// <summary>Ratings, each a distinct (user, item) pair. <value>Default: 100,000.</value></summary>
    public long Ratings { get; init; } = 100_000;

    /// <summary>Seed of everything random; the same seed gives the same ratings on every machine and thread count. <value>Default: 1.</value></summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Zipf exponent s of user activity: the user of popularity rank r (0-based) rates in proportion to
    /// (r + 1)^-s; the default gives an ml-25m-sized set a busiest user of about 31,000 ratings (ml-25m: 32,202). <value>Default: 0.5.</value>
    /// </summary>
    public double UserSkew { get; init; } = 0.5;

    /// <summary>Zipf exponent of item popularity, as <see cref="UserSkew"/>. <value>Default: 1.0.</value></summary>
    public double ItemSkew { get; init; } = 1.0;

    /// <summary>Rank of the planted user·item interaction. <value>Default: 8.</value></summary>
    public int Rank { get; init; } = 8;

    /// <summary>Mean rating of the planted model before rounding. <value>Default: 3.5.</value></summary>
    public double Mean { get; init; } = 3.5;

    /// <summary>Standard deviation of the planted user and item biases. <value>Default: 0.4.</value></summary>
    public double BiasStd { get; init; } = 0.4;

    /// <summary>Standard deviation of the planted dot product of user and item factors. <value>Default: 0.6.</value></summary>
    public double InteractionStd { get; init; } = 0.6;

    /// <summary>Standard deviation of the Gaussian noise added to each rating before rounding. <value>Default: 0.5.</value></summary>
    public double Noise { get; init; } = 0.5;

    /// <summary>Checks the values and says what is wrong in one sentence.</summary>
    public void Validate()
    {
        Require(Users > 0, "users must be at least 1");
        Require(Items > 0, "items must be at least 1");
        Require(Ratings >= Users, $"ratings must be at least the number of users ({Users:N0}): every user rates at least one item");
        Require(Ratings <= (long)Users * Items, $"ratings cannot exceed users x items ({(long)Users * Items:N0}): each (user, item) pair is rated at most once");
        Require(Ratings <= Array.MaxLength, $"ratings must be at most {Array.MaxLength:N0}");
        Require(UserSkew >= 0 && double.IsFinite(UserSkew), "the user skew must be 0 or more");
        Require(ItemSkew >= 0 && double.IsFinite(ItemSkew), "the item skew must be 0 or more");
        Require(Rank > 0, "the planted rank must be at least 1");
        Require(double.IsFinite(Mean), "the mean must be a number");
        Require(BiasStd >= 0 && double.IsFinite(BiasStd), "the bias spread must be 0 or more");
        Require(InteractionStd >= 0 && double.IsFinite(InteractionStd), "the interaction spread must be 0 or more");
        Require(Noise >= 0 && double.IsFinite(Noise), "the noise must be 0 or more");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(char.ToUpperInvariant(message[0]) + message[1..] + ".");
    }
}
