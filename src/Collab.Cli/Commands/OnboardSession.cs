using System.Globalization;
using Collab.ColdStart.Questions;

namespace Collab.Cli.Commands;

/// <summary>
/// The interactive part of <c>collab onboard</c>: rounds of questions on a text reader and writer (the
/// terminal, or redirected input in tests), then recommendations. Answers: a rating from 1 to 5, "s" for not
/// seen, "q" to finish; the end of input finishes too. When the input is not a terminal, each answer is
/// echoed after its prompt so the transcript reads as a dialogue. Items the user is known to have seen (a watch
/// history) are not recommended.
/// </summary>
internal sealed class OnboardSession(Questionnaire questionnaire, Func<string, string> describe, TextReader input, TextWriter output, bool echo, IReadOnlyCollection<string> seen)
{
    /// <summary>Asks up to <paramref name="rounds"/> rounds, then prints the <paramref name="top"/> recommendations.</summary>
    public void Run(int rounds, int top)
    {
        output.WriteLine("Tell me about movies you have seen: rate each from 1 to 5, 's' if you have not seen it, 'q' to finish.");
        bool finished = false;
        for (int round = 1; round <= rounds && !finished; round++)
        {
            var items = questionnaire.NextRound();
            if (items.Count == 0)
            {
                output.WriteLine("There is nothing left to ask about.");
                break;
            }
            output.WriteLine();
            output.WriteLine($"Round {round} of {rounds}:");
            for (int i = 0; i < items.Count && !finished; i++)
                finished = !Ask(items[i], $"[{i + 1}/{items.Count}] {describe(items[i])}: ");
            output.WriteLine($"{questionnaire.Ratings.Count} rating(s) and {questionnaire.NotSeenItems.Count} not seen so far.");
        }
        Recommend(top);
    }

    /// <summary>Asks about one item until the answer is valid; false when the user finished (q or end of input).</summary>
    private bool Ask(string item, string prompt)
    {
        while (true)
        {
            output.Write(prompt);
            var answer = input.ReadLine()?.Trim();
            if (echo && answer is not null)
                output.WriteLine(answer);
            switch (answer?.ToLowerInvariant())
            {
                case null or "q":
                    if (answer is null || !echo)
                        output.WriteLine();
                    return false;
                case "s":
                    questionnaire.NotSeen(item);
                    return true;
            }
            if (double.TryParse(answer, NumberStyles.Float, CultureInfo.InvariantCulture, out double rating) && rating is >= 1 and <= 5)
            {
                questionnaire.Rate(item, (float)rating);
                return true;
            }
            output.WriteLine("  Please answer with a rating from 1 to 5, 's' (not seen) or 'q' (finish).");
        }
    }

    private void Recommend(int top)
    {
        var user = questionnaire.Current;
        output.WriteLine();
        output.WriteLine(user.RatingsUsed == 0
            ? "No ratings yet, so these are the picks for a typical user:"
            : $"From your {user.RatingsUsed} rating(s), you may like:");
        var watched = seen.ToHashSet(StringComparer.Ordinal);
        var picks = user.Recommend(top + watched.Count).Where(p => !watched.Contains(p.Id)).Take(top).ToList();
        for (int i = 0; i < picks.Count; i++)
            output.WriteLine($"{i + 1,3}. {describe(picks[i].Id)} (predicted {picks[i].Score.ToString("F1", CultureInfo.InvariantCulture)})");
    }
}
