namespace Collab.Data;

/// <summary>One row group's ids: integers (an int32 or int64 column) or texts (a string column); null where a row has none.</summary>
internal readonly record struct ParquetIds(long?[]? Numbers, string?[]? Texts);
