namespace Collab.Interpretation;

/// <summary>Which of the model's two embeddings to look at.</summary>
public enum ModelSide
{
    /// <summary>The item tables (i_weight, i_bias).</summary>
    Items,

    /// <summary>The user tables (u_weight, u_bias).</summary>
    Users,
}
