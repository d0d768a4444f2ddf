namespace Collab.Server.Contracts;

/// <summary>Which model a replica serves, as <c>/health</c> and <c>/admin/reload</c> answer: a fleet has converged when every replica shows one checksum.</summary>
/// <param name="Status">"ok".</param>
/// <param name="Model">The file it was read from.</param>
/// <param name="Checksum">SHA-256 of the file's bytes (hex).</param>
/// <param name="CreatedAt">When the file was written (its modification time).</param>
/// <param name="Users">Trained users.</param>
/// <param name="Items">Trained items.</param>
/// <param name="LoadedAt">When this replica swapped it in.</param>
internal sealed record ModelStatus(string Status, string Model, string Checksum, DateTimeOffset CreatedAt, int Users, int Items, DateTimeOffset LoadedAt)
{
    public static ModelStatus Of(ServedModel model) =>
        new("ok", model.Path, model.Checksum, model.CreatedAt, model.Trained.Users.Count - 1, model.Trained.Items.Count - 1, model.LoadedAt);
}
