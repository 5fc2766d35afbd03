using System.Globalization;
using System.Text.Json;

namespace PhotonSdk.Mcp;

/// <summary>
/// The arguments of one tool call as the client sent them. A value of the wrong type is reported, not guessed at, so
/// that the tool can answer with an error that names it and send nothing.
/// </summary>
internal sealed class ToolArguments(IDictionary<string, JsonElement>? arguments)
{
    private readonly List<string> _problems = [];

    /// <summary>What was wrong with the arguments read so far, one sentence each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public string? String(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        _problems.Add($"{name} must be a string (was {Describe(value)})");
        return null;
    }

    public int? Integer(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        // Some clients send every argument as a string.
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)) return number;
        _problems.Add($"{name} must be a whole number (was {Describe(value)})");
        return null;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return arguments is not null && arguments.TryGetValue(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
