namespace Collab.Reports.Spreadsheet;

/// <summary>The workbook's cell formats, by their index in the stylesheet (see <see cref="Styles"/>).</summary>
internal enum CellStyle : uint
{
    /// <summary>General format.</summary>
    Default = 0,

    /// <summary>Bold text: headers and labels.</summary>
    Header = 1,

    /// <summary>A trainable parameter (factor or bias): orange fill, three decimals, as the lesson's weights.</summary>
    Parameter = 2,

    /// <summary>A prediction or activation: two decimals.</summary>
    Prediction = 3,

    /// <summary>An observed rating: blue fill.</summary>
    Rating = 4,

    /// <summary>The loss: bold, yellow fill, four decimals.</summary>
    Loss = 5,

    /// <summary>The sheet's title: bold and larger.</summary>
    Title = 6,

    /// <summary>A one-hot input or an index: grey text.</summary>
    Input = 7,

    /// <summary>A squared error: two decimals, grey text.</summary>
    Error = 8,
}
