namespace Collab.ColdStart.Metadata;

/// <summary>How a metadata column becomes numeric features.</summary>
public enum FeatureKind
{
    /// <summary>Decided from the values: <see cref="Tags"/> when any contains '|', else <see cref="Number"/> when all are numbers, else <see cref="Category"/>.</summary>
    Auto,

    /// <summary>One feature: the value standardised to mean 0 and spread 1 (missing values count as the mean).</summary>
    Number,

    /// <summary>One 0/1 feature per distinct value.</summary>
    Category,

    /// <summary>One 0/1 feature per distinct tag of '|'-separated values (e.g. MovieLens genres).</summary>
    Tags,

    /// <summary>One 0/1 feature per distinct prefix of the given length (e.g. the first digit of a zip code).</summary>
    Prefix,

    /// <summary>One 0/1 feature per bucket of the given width of a number (e.g. decades of a year).</summary>
    Bucket,
}
