using System.CommandLine;
using System.Text.RegularExpressions;

namespace PhotonSdk.Cli.Errors;

/// <summary>
/// Parse errors as a person reads them: a misspelled command gets a suggestion, stray words after a prompt get the
/// advice to quote it, and a value of the wrong type says what was expected in words, not .NET type names.
/// </summary>
internal static partial class ParseErrorMessages
{
    public static IReadOnlyList<string> For(ParseResult parse, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var messages = new List<string>();
        var unmatched = parse.UnmatchedTokens.ToList();
        var command = parse.CommandResult.Command;

        if (command == root && unmatched.Count > 0)
        {
            var word = unmatched[0];
            var commands = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            var closest = commands.Select(name => (name, distance: Distance(word, name))).OrderBy(c => c.distance).First();
            messages.Add(closest.distance <= Math.Max(2, word.Length / 3)
                ? $"'{word}' is not a photon command. Did you mean '{closest.name}'?"
                : $"'{word}' is not a photon command. The commands are: {string.Join(", ", commands)}.");
            return messages;
        }

        if (unmatched.Count > 0 && command.Arguments.Any(a => a.Name == "prompt"))
        {
            messages.Add($"Unexpected {string.Join(" ", unmatched.Select(t => $"'{t}'"))} after the prompt. " +
                         $"Quote a prompt of several words: photon {command.Name} \"a red fox in the snow\"");
            return messages;
        }

        foreach (var error in parse.Errors)
        {
            messages.Add(TypeMismatch().Match(error.Message) is { Success: true } mismatch
                ? $"{mismatch.Groups["symbol"].Value} takes {Expected(mismatch.Groups["type"].Value)} (was '{mismatch.Groups["value"].Value}')."
                : error.Message);
        }

        return messages;
    }

    private static string Expected(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
        "System.Decimal" or "System.Double" or "System.Nullable`1[System.Decimal]" => "a number such as 2.50",
        "System.Boolean" => "true or false",
        _ => "another kind of value",
    };

    /// <summary>The edit distance between two words, case-insensitively.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<symbol>[^']+)' as expected type '(?<type>[^']+)'\.$")]
    private static partial Regex TypeMismatch();
}
