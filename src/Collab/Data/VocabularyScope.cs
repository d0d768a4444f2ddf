namespace Collab.Data;

/// <summary>Which rows the vocabularies are built from.</summary>
public enum VocabularyScope
{
    /// <summary>Training rows only: ids seen only in validation are unknown to the model (fastai with integer ids).</summary>
    Training,

    /// <summary>All rows: ids seen only in validation get rows that are never trained, only decayed (fastai with string ids).</summary>
    AllRows,
}
