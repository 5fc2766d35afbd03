using System.Text.Encodings.Web;
using System.Text.Json;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// The batch's manifest, <c>manifest.jsonl</c> in the output folder: one JSON object per row, in file order, with its
/// key, line, prompt, model, status, prediction id, file, cost and error. Rewritten whole (under a temporary name, then
/// moved into place) at the end of every run, so that it always describes the folder as the last run left it.
/// </summary>
internal static class BatchManifest
{
    public const string FileName = "manifest.jsonl";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> WriteAsync(BatchLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var path = Path.Combine(ledger.Folder, FileName);
        var temporary = path + ".part";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 65536, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            foreach (var row in ledger.Rows)
            {
                var result = ledger.ResultOf(row);
                var writer = new Utf8JsonWriter(stream, Options);
                await using (writer.ConfigureAwait(false))
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", row.Key);
                    writer.WriteNumber("line", row.LineNumber);
                    writer.WriteString("prompt", row.Prompt);
                    writer.WriteString("model", result?.ModelId ?? row.Model);
                    writer.WriteString("status", BatchLedger.StatusOf(result));
                    writer.WriteString("prediction_id", result?.PredictionId);
                    writer.WriteString("file", result?.SavedTo);
                    if (BatchLedger.BilledUsd(result) is var cost and > 0) writer.WriteNumber("cost_usd", cost);
                    else writer.WriteNull("cost_usd");
                    writer.WriteString("url", result?.OutputUrl);
                    writer.WriteString("error", result?.Error);
                    writer.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
                if (stream.Position > 1 << 20) await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
