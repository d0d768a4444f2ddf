using Collab.Interpretation;
using Collab.Models;
using Collab.Persistence;
using Collab.Reports.Spreadsheet;

namespace Collab.Reports;

/// <summary>
/// The content of the lesson's workbook: a small ratings matrix (most active users by most rated items) and
/// the dot-bias model's rows for exactly those users and items. <see cref="Save"/> writes it as an .xlsx
/// whose predictions, squared errors and RMSE are live formulas over these numbers (see docs/spreadsheet.md).
/// </summary>
public sealed class LessonWorkbook
{
    /// <summary>Most users (rows) a workbook may hold; the one-hot sheet grows with users x items x rated cells.</summary>
    public const int MaxUsers = 50;

    /// <summary>Most items (columns) a workbook may hold.</summary>
    public const int MaxItems = 50;

    private readonly float[] _userFactors;
    private readonly float[] _itemFactors;
    private readonly float[] _userBias;
    private readonly float[] _itemBias;

    private LessonWorkbook(RatingMatrix matrix, int factors, OutputRange? yRange, string provenance,
        float[] userFactors, float[] itemFactors, float[] userBias, float[] itemBias)
    {
        Matrix = matrix;
        Factors = factors;
        YRange = yRange;
        Provenance = provenance;
        _userFactors = userFactors;
        _itemFactors = itemFactors;
        _userBias = userBias;
        _itemBias = itemBias;
    }

    /// <summary>The ratings: rows are users, columns items, null where unrated.</summary>
    public RatingMatrix Matrix { get; }

    /// <summary>Latent factors per user and item.</summary>
    public int Factors { get; }

    /// <summary>The sigmoid output range, or null when predictions are the raw score.</summary>
    public OutputRange? YRange { get; }

    /// <summary>Where the factors came from, in a few words (shown on the readme sheet).</summary>
    public string Provenance { get; }

    /// <summary>Number of user rows.</summary>
    public int UserCount => Matrix.Users.Count;

    /// <summary>Number of item columns.</summary>
    public int ItemCount => Matrix.Items.Count;

    /// <summary>The factors of the user in matrix row <paramref name="user"/>.</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _userFactors.AsSpan(user * Factors, Factors);

    /// <summary>The factors of the item in matrix column <paramref name="item"/>.</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _itemFactors.AsSpan(item * Factors, Factors);

    /// <summary>The bias of the user in matrix row <paramref name="user"/>.</summary>
    public float UserBias(int user) => _userBias[user];

    /// <summary>The bias of the item in matrix column <paramref name="item"/>.</summary>
    public float ItemBias(int item) => _itemBias[item];

    /// <summary>
    /// The prediction the sheets compute for a cell, in double precision as a spreadsheet does:
    /// low + (high − low) / (1 + e^−(u·i + b_u + b_i)), or the raw score without an output range.
    /// </summary>
    public double Predict(int user, int item)
    {
        var u = UserFactors(user);
        var i = ItemFactors(item);
        double raw = (double)_userBias[user] + _itemBias[item];
        for (int f = 0; f < Factors; f++)
            raw += (double)u[f] * i[f];
        return YRange is { } range ? range.Low + (double)range.Width / (1 + Math.Exp(-raw)) : raw;
    }

    /// <summary>The root mean squared error of <see cref="Predict"/> over the rated cells, as the sheets' RMSE cell.</summary>
    public double Rmse()
    {
        double sum = 0;
        int count = 0;
        for (int u = 0; u < UserCount; u++)
        {
            for (int i = 0; i < ItemCount; i++)
            {
                if (Matrix[u, i] is not { } rating)
                    continue;
                double error = Predict(u, i) - rating;
                sum += error * error;
                count++;
            }
        }
        return count == 0 ? double.NaN : Math.Sqrt(sum / count);
    }

    /// <summary>
    /// Takes the model's rows for the matrix's users and items. Every user and item of the matrix must have a
    /// row in the model (as they do when the matrix comes from the model's own training ratings).
    /// </summary>
    public static LessonWorkbook FromModel(RatingMatrix matrix, TrainedModel trained, string provenance)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(provenance);
        if (matrix.Users.Count > MaxUsers || matrix.Items.Count > MaxItems)
            throw new ArgumentException($"A workbook holds at most {MaxUsers} users and {MaxItems} items; the matrix has {matrix.Users.Count} x {matrix.Items.Count}.", nameof(matrix));
        if (matrix.RatedCount == 0)
            throw new ArgumentException("The matrix has no rated cells, so the sheets would have no loss to show; choose more users or items.", nameof(matrix));
        var model = trained.FactorsFor("The spreadsheet");
        int k = model.Factors;
        var userRows = matrix.Users.Select(id => RowOf(trained.Users, id, "user")).ToArray();
        var itemRows = matrix.Items.Select(id => RowOf(trained.Items, id, "item")).ToArray();
        var userFactors = new float[userRows.Length * k];
        var itemFactors = new float[itemRows.Length * k];
        for (int u = 0; u < userRows.Length; u++)
            model.UserFactors.Row(userRows[u]).CopyTo(userFactors.AsSpan(u * k, k));
        for (int i = 0; i < itemRows.Length; i++)
            model.ItemFactors.Row(itemRows[i]).CopyTo(itemFactors.AsSpan(i * k, k));
        float[] userBias = [.. userRows.Select(r => model.UserBias.Values[r])];
        float[] itemBias = [.. itemRows.Select(r => model.ItemBias.Values[r])];
        if (!userFactors.Concat(itemFactors).Concat(userBias).Concat(itemBias).All(float.IsFinite))
            throw new ArgumentException("The model has weights that are not finite numbers (did training diverge? try a lower learning rate).", nameof(trained));
        return new LessonWorkbook(matrix, k, model.YRange, provenance, userFactors, itemFactors, userBias, itemBias);
    }

    /// <summary>Writes the .xlsx through a temporary file and a rename, so a failure never leaves half a file.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        WorkbookWriter.Write(path, this);
    }

    private static int RowOf(Data.Vocabulary vocabulary, string id, string what) =>
        vocabulary.TryGetIndex(id, out int row)
            ? row
            : throw new ArgumentException($"The model has no row for {what} '{id}'; build the matrix from the ratings the model was trained on.");
}
