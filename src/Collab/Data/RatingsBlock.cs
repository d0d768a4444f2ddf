namespace Collab.Data;

/// <summary>
/// A run of whole lines of one file: where it starts and how long it is, whether it starts the file (and so
/// holds the byte order mark and the header), and the first table row and the most rows its lines can give.
/// </summary>
internal readonly record struct RatingsBlock(int File, long Start, int Length, bool FileStart, int FirstRow, int MaxRows);
