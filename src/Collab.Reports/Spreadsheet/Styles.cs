using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collab.Reports.Spreadsheet;

/// <summary>The stylesheet behind <see cref="CellStyle"/>: its cell formats are listed in the enum's order.</summary>
internal static class Styles
{
    private const uint ThreeDecimals = 164;
    private const uint FourDecimals = 165;
    private const uint TwoDecimals = 2;

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(bold: false, size: 11, color: null),
            Font(bold: true, size: 11, color: null),
            Font(bold: true, size: 12, color: null),
            Font(bold: false, size: 11, color: "FF808080"));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFF8CBAD"),
            Solid("FFDDEBF7"),
            Solid("FFFFE699"));
        var formats = new CellFormats(
            Format(font: 0, fill: 0, numberFormat: 0),
            Format(font: 1, fill: 0, numberFormat: 0),
            Format(font: 0, fill: 2, numberFormat: ThreeDecimals),
            Format(font: 0, fill: 0, numberFormat: TwoDecimals),
            Format(font: 0, fill: 3, numberFormat: 0),
            Format(font: 1, fill: 4, numberFormat: FourDecimals),
            Format(font: 2, fill: 0, numberFormat: 0),
            Format(font: 3, fill: 0, numberFormat: 0),
            Format(font: 3, fill: 0, numberFormat: TwoDecimals));
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = ThreeDecimals, FormatCode = "0.000" },
                new NumberingFormat { NumberFormatId = FourDecimals, FormatCode = "0.0000" }),
            fonts,
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat()),
            formats);
    }

    private static Font Font(bool bold, double size, string? color)
    {
        var font = new Font();
        if (bold)
            font.Append(new Bold());
        font.Append(new FontSize { Val = size });
        if (color is not null)
            font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "Calibri" });
        return font;
    }

    private static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint numberFormat) => new()
    {
        FontId = font,
        FillId = fill,
        BorderId = 0,
        FormatId = 0,
        NumberFormatId = numberFormat,
        ApplyFont = font != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyFill = fill != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyNumberFormat = numberFormat != 0 ? BooleanValue.FromBoolean(true) : null,
    };
}
