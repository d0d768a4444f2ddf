namespace Collab.Persistence;

/// <summary>A model file that cannot be loaded: missing, truncated, corrupted or of another format version.</summary>
public sealed class ModelFileException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    /// <summary>The model file.</summary>
    public string Path { get; } = path;
}
