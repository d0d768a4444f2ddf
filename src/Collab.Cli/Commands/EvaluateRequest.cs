using Collab.Data;
using Collab.Evaluation;

namespace Collab.Cli.Commands;

/// <summary>Everything <c>collab evaluate</c> was asked to do, parsed and checked.</summary>
internal sealed record EvaluateRequest(EvaluationOptions Options, RatingsFileOptions FileOptions, string? ValidFile, string? DataDir, bool Json);
