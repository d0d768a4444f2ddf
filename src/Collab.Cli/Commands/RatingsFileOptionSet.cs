using System.CommandLine;
using Collab.Data;

namespace Collab.Cli.Commands;

/// <summary>
/// The options that say how to read a ratings file: delimiter, header, columns, and (where the command can do
/// without ratings) whether ratings exist.
/// </summary>
internal sealed class RatingsFileOptionSet(bool allowNoRatings = true)
{
    private readonly Option<string?> _delimiter = new("--delimiter") { Description = "Field delimiter: ',', 'tab', ';', '|', 'space' or '::' (default: detected)." };
    private readonly Option<bool?> _header = new("--header") { Description = "Whether the first line is a header (default: detected)." };
    private readonly Option<string?> _userCol = new("--user-col") { Description = "User column: header name or 1-based position (default: 1)." };
    private readonly Option<string?> _itemCol = new("--item-col") { Description = "Item column: header name or 1-based position (default: 2)." };
    private readonly Option<string?> _ratingCol = new("--rating-col") { Description = "Rating column: header name or 1-based position (default: 3)." };
    private readonly Option<string?> _timestampCol = new("--timestamp-col") { Description = "Timestamp column: header name or 1-based position (default: the column after the rating, when present)." };
    private readonly Option<bool> _noRatings = new("--no-ratings") { Description = "The file has no rating column: each line says a user interacted with an item (implicit feedback)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _delimiter, _header, _userCol, _itemCol, _ratingCol, _timestampCol })
            command.Options.Add(option);
        if (allowNoRatings)
            command.Options.Add(_noRatings);
    }

    public RatingsFileOptions Read(ParseResult parse) => new()
    {
        Delimiter = parse.GetValue(_delimiter),
        HasHeader = parse.GetValue(_header),
        UserColumn = parse.GetValue(_userCol),
        ItemColumn = parse.GetValue(_itemCol),
        RatingColumn = parse.GetValue(_ratingCol),
        TimestampColumn = parse.GetValue(_timestampCol),
        HasRatingColumn = !(allowNoRatings && parse.GetValue(_noRatings)),
    };

    /// <summary>The --delimiter value.</summary>
    public string? Delimiter(ParseResult parse) => parse.GetValue(_delimiter);

    /// <summary>Whether a rating column was named.</summary>
    public bool NamesRating(ParseResult parse) => parse.GetValue(_ratingCol) is not null;

    /// <summary>Whether a timestamp column was named.</summary>
    public bool NamesTimestamp(ParseResult parse) => parse.GetValue(_timestampCol) is not null;
}
