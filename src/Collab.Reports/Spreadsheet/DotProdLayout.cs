namespace Collab.Reports.Spreadsheet;

/// <summary>
/// Where everything sits on the dotprod sheet (1-based rows and columns), so the other sheets can point at its
/// parameters and the readme can name Solver's ranges. Item factors are rows above the prediction grid (one
/// column per item, its bias in the row below them); user factors are columns left of it (one row per user,
/// its bias in the column after them). Rows 2 to 4 hold the loss (A:B) and the output range (C:D).
/// </summary>
internal sealed class DotProdLayout(int users, int items, int factors)
{
    public const string Sheet = "dotprod";

    /// <summary>The loss cells of every computing sheet, labels in column A: RMSE in B2, sum of squared errors in B3, rated cells in B4.</summary>
    public const int LossColumn = 2;
    public const int RmseRow = 2;
    public const int SumRow = 3;
    public const int CountRow = 4;

    /// <summary>The output range, labels in column C: low in D2, high in D3.</summary>
    public const int RangeColumn = 4;
    public const int LowRow = 2;
    public const int HighRow = 3;

    public int Users { get; } = users;
    public int Items { get; } = items;
    public int Factors { get; } = factors;

    /// <summary>First item-factor row; factor f (0-based) is row FactorRow + f.</summary>
    public int FactorRow => 5;
    public int ItemBiasRow => FactorRow + Factors;
    public int HeaderRow => ItemBiasRow + 1;

    /// <summary>Row of user u (0-based).</summary>
    public int UserRow(int u) => HeaderRow + 1 + u;

    /// <summary>Column of user factor f (0-based); column A holds the user ids.</summary>
    public int UserFactorColumn(int f) => 2 + f;
    public int UserBiasColumn => 2 + Factors;

    /// <summary>Column of item i (0-based) in every grid of the sheet.</summary>
    public int ItemColumn(int i) => UserBiasColumn + 1 + i;
    public int LastColumn => ItemColumn(Items - 1);

    /// <summary>The ratings grid: a header row, then row RatingRow(u) per user.</summary>
    public int RatingHeaderRow => UserRow(Users - 1) + 2;
    public int RatingRow(int u) => RatingHeaderRow + 1 + u;

    /// <summary>The squared-error grid, laid out as the ratings grid.</summary>
    public int ErrorHeaderRow => RatingRow(Users - 1) + 2;
    public int ErrorRow(int u) => ErrorHeaderRow + 1 + u;

    /// <summary>Users x (factors + bias), absolute, on this sheet.</summary>
    public string UserParameters => CellRef.AbsoluteRange(UserRow(0), UserFactorColumn(0), UserRow(Users - 1), UserBiasColumn);

    /// <summary>(Factors + bias) x items, absolute, on this sheet.</summary>
    public string ItemParameters => CellRef.AbsoluteRange(FactorRow, ItemColumn(0), ItemBiasRow, LastColumn);

    public string UserFactorBlock => CellRef.AbsoluteRange(UserRow(0), UserFactorColumn(0), UserRow(Users - 1), UserFactorColumn(Factors - 1));
    public string UserBiasBlock => CellRef.AbsoluteRange(UserRow(0), UserBiasColumn, UserRow(Users - 1), UserBiasColumn);
    public string ItemFactorBlock => CellRef.AbsoluteRange(FactorRow, ItemColumn(0), ItemBiasRow - 1, LastColumn);
    public string ItemBiasBlock => CellRef.AbsoluteRange(ItemBiasRow, ItemColumn(0), ItemBiasRow, LastColumn);

    /// <summary>A reference to a cell of this sheet from another sheet.</summary>
    public static string From(string address) => $"{Sheet}!{address}";

    /// <summary>Applies the output range to a raw-score expression, reading low and high from dotprod's D2 and D3.</summary>
    public static string Activate(string raw, bool hasRange, bool onThisSheet)
    {
        if (!hasRange)
            return raw;
        string low = CellRef.Absolute(LowRow, RangeColumn), high = CellRef.Absolute(HighRow, RangeColumn);
        if (!onThisSheet)
            (low, high) = (From(low), From(high));
        return $"{low}+({high}-{low})/(1+EXP(-({raw})))";
    }
}
