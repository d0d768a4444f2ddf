namespace Collab.Interpretation;

/// <summary>The lesson's terms for the pieces of a network.</summary>
public enum SummaryPart
{
    /// <summary>What goes in: here two integers per rating, the user and item indices.</summary>
    Input,

    /// <summary>Numbers that are stored and learned (weights and biases).</summary>
    Parameter,

    /// <summary>Numbers that are calculated, from a matrix product (or its shortcut, a lookup) or an activation function.</summary>
    Activation,

    /// <summary>The last activation: the predicted rating.</summary>
    Output,

    /// <summary>The function comparing output and target that training minimises.</summary>
    Loss,
}
