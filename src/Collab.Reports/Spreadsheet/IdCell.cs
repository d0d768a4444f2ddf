using System.Globalization;

namespace Collab.Reports.Spreadsheet;

/// <summary>Writes a user or item id as a bold label: a number when it reads back as the same id (as in the lesson's sheets), else text.</summary>
internal static class IdCell
{
    public static void Write(SheetBuilder sheet, int row, int column, string id)
    {
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            && number < 1L << 50
            && number.ToString(CultureInfo.InvariantCulture) == id)
        {
            sheet.Number(row, column, number, CellStyle.Header);
        }
        else
        {
            sheet.Text(row, column, id, CellStyle.Header);
        }
    }
}
