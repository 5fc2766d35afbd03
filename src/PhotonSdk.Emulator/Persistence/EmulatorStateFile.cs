using System.Text.Json;
using PhotonSdk.Emulator.Catalog;
using PhotonSdk.Emulator.Predictions;

namespace PhotonSdk.Emulator.Persistence;

/// <summary>
/// Keeps an emulator's predictions between runs (<see cref="EmulatorOptions.StateFile"/>): one JSON line per prediction
/// created and per prediction deleted, appended as it happens, and replayed when the next emulator starts. A command-line
/// tool that starts a fresh emulator for each command then answers <c>get</c>, history and balance as one account would.
/// </summary>
/// <remarks>
/// Output images need no storage: they are drawn again from the prompt and seed. Uploads are not kept. A line cut off by
/// a crash, or written by another version, is skipped rather than failing the start. Predictions past the 7-day
/// retention are dropped and the file is rewritten without them; what they were billed stays, as one <c>charged</c>
/// line, so that the balance never goes back up.
/// </remarks>
internal sealed class EmulatorStateFile : IDisposable
{
    private const string Created = "created";
    private const string Deleted = "deleted";
    private const string Charged = "charged";

    private readonly Lock _gate = new();
    private readonly FileStream _stream;

    private EmulatorStateFile(FileStream stream) => _stream = stream;

    /// <summary>
    /// Opens (or creates) the file. Returns the predictions it keeps, those deleted since (still billed, and whose ids
    /// are not to be reused), and what predictions no longer kept were billed.
    /// </summary>
    public static EmulatorStateFile Open(
        string path, ModelCatalog catalog, DateTimeOffset now, out IReadOnlyList<PredictionRecord> kept, out IReadOnlyList<PredictionRecord> deleted, out decimal chargedBeforeUsd)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var state = new ReplayedState();
        var skipped = 0;
        if (File.Exists(full))
        {
            foreach (var line in File.ReadLines(full))
            {
                if (!TryRead(line, catalog, state)) skipped++;
            }
        }

        var expired = state.Live.Values.Concat(state.Deleted).Where(p => now - p.CreatedAt >= PredictionStore.Retention).ToList();
        var charged = state.ChargedBeforeUsd + expired.Where(p => p.FailureCode == TaskCodes.Ok).Sum(p => p.Model.PriceUsd);
        var retained = state.Live.Values.Except(expired).OrderBy(p => p.Ordinal).ToList();
        var retainedDeleted = state.Deleted.Except(expired).ToList();
        if (skipped > 0 || expired.Count > 0) Rewrite(full, retained, retainedDeleted, charged);
        kept = retained;
        deleted = retainedDeleted;
        chargedBeforeUsd = charged;
        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return new EmulatorStateFile(stream);
    }

    public void Add(PredictionRecord prediction) => Append(Line(Created, prediction));

    public void Remove(string predictionId) => Append(DeletedLine(predictionId));

    public void Dispose() => _stream.Dispose();

    /// <summary>One whole line per write, so that two emulators appending to the same file never interleave within a line.</summary>
    private void Append(byte[] json)
    {
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        lock (_gate)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    private static void Rewrite(string path, List<PredictionRecord> live, List<PredictionRecord> deleted, decimal chargedBeforeUsd)
    {
        var temporary = path + ".part";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (chargedBeforeUsd > 0) WriteLine(stream, ChargedLine(chargedBeforeUsd));
            foreach (var prediction in deleted)
            {
                WriteLine(stream, Line(Created, prediction));
                WriteLine(stream, DeletedLine(prediction.Id));
            }

            foreach (var prediction in live) WriteLine(stream, Line(Created, prediction));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteLine(Stream stream, byte[] json)
    {
        stream.Write(json);
        stream.WriteByte((byte)'\n');
    }

    private static byte[] ChargedLine(decimal usd)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", Charged);
            writer.WriteNumber("usd", usd);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] DeletedLine(string predictionId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", Deleted);
            writer.WriteString("id", predictionId);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Line(string kind, PredictionRecord prediction)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", kind);
            writer.WriteString("id", prediction.Id);
            writer.WriteNumber("ordinal", prediction.Ordinal);
            writer.WriteString("model", prediction.Model.Id);
            writer.WritePropertyName("input");
            prediction.Input.WriteTo(writer);
            writer.WriteString("prompt", prediction.Prompt);
            writer.WriteNumber("render_seed", prediction.RenderSeed);
            writer.WriteBoolean("base64_output", prediction.Base64Output);
            writer.WriteString("webhook_url", prediction.WebhookUrl);
            writer.WriteString("created_at", prediction.CreatedAt);
            writer.WriteString("starts_at", prediction.StartsAt);
            writer.WriteString("finishes_at", prediction.FinishesAt);
            writer.WriteNumber("failure_code", prediction.FailureCode);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool TryRead(string line, ModelCatalog catalog, ReplayedState state)
    {
        if (string.IsNullOrWhiteSpace(line)) return true;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var byId = state.Live;
            switch (root.GetProperty("event").GetString())
            {
                case Charged:
                    state.ChargedBeforeUsd += root.GetProperty("usd").GetDecimal();
                    return true;
                case Deleted:
                    if (byId.Remove(root.GetProperty("id").GetString()!, out var removed)) state.Deleted.Add(removed);
                    return true;
                case Created:
                    var id = root.GetProperty("id").GetString()!;
                    var modelId = root.GetProperty("model").GetString()!;
                    if (!catalog.TryGetByPath(modelId, out var model)) return false;
                    byId[id] = new PredictionRecord
                    {
                        Id = id,
                        Ordinal = root.GetProperty("ordinal").GetInt64(),
                        Model = model,
                        // Replaced by the running emulator's own address once it is listening.
                        Origin = "",
                        Input = root.GetProperty("input").Clone(),
                        Prompt = root.GetProperty("prompt").GetString()!,
                        RenderSeed = root.GetProperty("render_seed").GetInt64(),
                        Base64Output = root.GetProperty("base64_output").GetBoolean(),
                        WebhookUrl = root.GetProperty("webhook_url").GetString(),
                        CreatedAt = root.GetProperty("created_at").GetDateTimeOffset(),
                        StartsAt = root.GetProperty("starts_at").GetDateTimeOffset(),
                        FinishesAt = root.GetProperty("finishes_at").GetDateTimeOffset(),
                        FailureCode = root.GetProperty("failure_code").GetInt32(),
                    };
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    /// <summary>What the file's lines add up to.</summary>
    private sealed class ReplayedState
    {
        public Dictionary<string, PredictionRecord> Live { get; } = new(StringComparer.Ordinal);

        public List<PredictionRecord> Deleted { get; } = [];

        public decimal ChargedBeforeUsd { get; set; }
    }
}
