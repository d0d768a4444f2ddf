namespace Collab.Server.Contracts;

/// <summary><c>POST /admin/reload</c>: the model file to swap in (default: the file served now, re-read).</summary>
internal sealed record ReloadRequest(string? Path);
