using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// Reads the prompts of a batch file, checked whole before anything is sent: plain text (one prompt a line; blank lines
/// and <c>#</c> comments skipped), CSV (<c>.csv</c>: a header naming a <c>prompt</c> column, and optionally <c>key</c>
/// and <c>model</c>) or JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>: one object a line with <c>prompt</c>, and optionally
/// <c>key</c> and <c>model</c>). Binary, empty or malformed input is refused with a message naming the file and the line.
/// </summary>
internal static class BatchInputFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">It is not text, holds no prompts, or a row is malformed; the message says which and where.</exception>
    public static async Task<IReadOnlyList<BatchRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path)) throw new ArgumentException($"{path} is a folder; pass a file of prompts. Nothing was submitted.");
        if (!File.Exists(path)) throw new FileNotFoundException($"No prompt file '{path}'. Nothing was submitted.", path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Cannot read {path}: {e.Message.TrimEnd('.')}. Nothing was submitted.");
        }

        if (!TryReadText(bytes, out var content))
        {
            throw new ArgumentException(
                $"{path} is not a text file of prompts (it holds binary data, e.g. an image). Nothing was submitted; pass a UTF-8 text, CSV or JSON Lines file.");
        }

        var rows = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(path, content),
            ".JSONL" or ".NDJSON" => ReadJsonLines(path, content),
            _ => ReadText(content),
        };
        if (rows.Count == 0)
            throw new ArgumentException($"{path} holds no prompts (blank lines and #comments are skipped). Nothing was submitted.");
        EnsureUniqueKeys(path, rows);
        return rows;
    }

    private static List<BatchRow> ReadText(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var rows = new List<BatchRow>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            rows.Add(new BatchRow(Number(i + 1), i + 1, text, null, HasOwnKey: false));
        }

        return rows;
    }

    private static List<BatchRow> ReadCsv(string path, string content)
    {
        using var parser = new TextFieldParser(new StringReader(content)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(",");
        var rows = new List<BatchRow>();
        int promptColumn = -1, keyColumn = -1, modelColumn = -1;
        while (!parser.EndOfData)
        {
            var line = checked((int)parser.LineNumber);
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException e)
            {
                throw new ArgumentException($"{path}, line {e.LineNumber}: not valid CSV (a quote is not closed, or a field is not separated by a comma). Nothing was submitted.");
            }

            if (fields is null || fields.All(string.IsNullOrWhiteSpace)) continue;
            if (promptColumn < 0)
            {
                var names = fields.Select(f => f.Trim().ToUpperInvariant()).ToList();
                promptColumn = names.IndexOf("PROMPT");
                keyColumn = names.IndexOf("KEY");
                modelColumn = names.IndexOf("MODEL");
                if (promptColumn < 0)
                {
                    throw new ArgumentException(
                        $"{path}, line {line}: a CSV batch file starts with a header naming a 'prompt' column (and optionally 'key' and 'model'); this one names {string.Join(", ", fields.Select(f => $"'{f}'"))}. Nothing was submitted.");
                }

                continue;
            }

            var prompt = Field(fields, promptColumn);
            if (prompt.Length == 0) throw new ArgumentException($"{path}, line {line}: the prompt is empty. Nothing was submitted.");
            var key = Field(fields, keyColumn);
            var model = Field(fields, modelColumn);
            rows.Add(new BatchRow(key.Length > 0 ? key : Number(line), line, prompt, model.Length > 0 ? model : null, key.Length > 0));
        }

        return rows;
    }

    private static List<BatchRow> ReadJsonLines(string path, string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var rows = new List<BatchRow>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            var line = i + 1;
            JsonElement row;
            try
            {
                using var document = JsonDocument.Parse(text);
                row = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"{path}, line {line}: not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')}). Nothing was submitted.");
            }

            if (row.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"{path}, line {line}: each line must be a JSON object such as {{\"prompt\": \"a red fox\"}}. Nothing was submitted.");
            var prompt = String(path, line, row, "prompt") ?? "";
            if (prompt.Trim().Length == 0)
                throw new ArgumentException($"{path}, line {line}: the object has no \"prompt\" (or it is empty). Nothing was submitted.");
            var key = String(path, line, row, "key");
            var model = String(path, line, row, "model");
            rows.Add(new BatchRow(
                string.IsNullOrWhiteSpace(key) ? Number(line) : key.Trim(), line, prompt.Trim(), string.IsNullOrWhiteSpace(model) ? null : model.Trim(), !string.IsNullOrWhiteSpace(key)));
        }

        return rows;
    }

    /// <summary>A string field; a key may also be a number, since row ids often are.</summary>
    private static string? String(string path, int line, JsonElement row, string name)
    {
        if (!row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when name == "key" => value.GetRawText(),
            _ => throw new ArgumentException($"{path}, line {line}: \"{name}\" must be a string (was {value.ValueKind.ToString().ToLowerInvariant()}). Nothing was submitted."),
        };
    }

    private static string Field(string[] fields, int column) => column >= 0 && column < fields.Length ? fields[column].Trim() : "";

    private static string Number(int line) => line.ToString(CultureInfo.InvariantCulture);

    private static void EnsureUniqueKeys(string path, IReadOnlyList<BatchRow> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!seen.TryAdd(row.Key, row.LineNumber))
            {
                throw new ArgumentException(
                    $"{path}: lines {seen[row.Key]} and {row.LineNumber} have the same key '{row.Key}'; each row's key must be unique. Nothing was submitted.");
            }
        }
    }

    /// <summary>UTF-8 (a byte-order mark allowed) without NUL or other control characters but tabs and line breaks.</summary>
    private static bool TryReadText(byte[] bytes, out string text)
    {
        try
        {
            text = Strict.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }

        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }
}
