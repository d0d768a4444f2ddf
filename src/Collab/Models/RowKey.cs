namespace Collab.Models;

/// <summary>Which rows of a parameter tensor a training batch's gradient can reach.</summary>
public enum RowKey
{
    /// <summary>Any row (a layer's weights, or a table whose rows the batch does not name).</summary>
    None,

    /// <summary>Only the rows of the batch's users (row r is user r).</summary>
    User,

    /// <summary>Only the rows of the batch's items (row r is item r).</summary>
    Item,
}
