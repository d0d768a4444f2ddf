namespace Collab.Data.Datasets;

/// <summary>Where a resolved dataset's files came from.</summary>
public enum DatasetSource
{
    /// <summary>Found in the data directory (<c>--data-dir</c> or <c>COLLAB_DATA</c>).</summary>
    DataDirectory,

    /// <summary>Found in the cache, from an earlier download or derivation.</summary>
    Cache,

    /// <summary>Downloaded, verified and unpacked into the cache by this call.</summary>
    Downloaded,

    /// <summary>Computed from another dataset and written into the cache by this call.</summary>
    Derived,
}
