using System.Globalization;
using System.Net;
using System.Text;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// The batch's contact sheet, <c>index.html</c> in the output folder: every row as a card with its thumbnail (or what
/// went wrong), prompt, model and cost, in file order. One self-contained file that opens offline; everything from the
/// prompt file is HTML-encoded, since prompts are text, not markup.
/// </summary>
internal static class ContactSheet
{
    public const string FileName = "index.html";

    public static async Task<string> WriteAsync(BatchLedger ledger, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var tally = ledger.Tally();
        var html = new StringBuilder(4096 + (ledger.Rows.Count * 512));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:1.5rem;background:#fafafa;color:#222}\n")
            .Append(".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:1rem}\n")
            .Append(".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem;font-size:.85rem}\n")
            .Append(".card img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:4px;background:#eee}\n")
            .Append(".card.problem{border-color:#d33;background:#fff5f5}\n.missing{aspect-ratio:1;display:flex;align-items:center;justify-content:center;background:#eee;border-radius:4px;color:#777}\n")
            .Append(".meta{color:#666}\n.error{color:#b00}\n.prompt{margin:.3rem 0}\n</style>\n</head>\n<body>\n<h1>")
            .Append(Encode(title)).Append("</h1>\n<p>")
            .Append(Encode(string.Create(CultureInfo.InvariantCulture,
                $"{tally.Total} prompts: {tally.Saved} saved, {tally.Failed + tally.NotSaved + tally.Uncertain + tally.SkippedByBudget} without an image, {tally.NotRun + tally.StillRunning + tally.Cancelled} not finished; billed {Money(tally.BilledUsd)}.")))
            .Append(" Details per prompt: <a href=\"").Append(BatchManifest.FileName).Append("\">").Append(BatchManifest.FileName).Append("</a>.</p>\n<div class=\"grid\">\n");

        foreach (var row in ledger.Rows)
        {
            var result = ledger.ResultOf(row);
            var status = BatchLedger.StatusOf(result);
            var problem = status is not ("saved" or "completed");
            html.Append("<figure class=\"card").Append(problem ? " problem" : "").Append("\" id=\"").Append(Encode(row.Key)).Append("\">\n");
            if (result?.SavedTo is { } file)
            {
                var href = string.Join('/', file.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
                html.Append("<a href=\"").Append(href).Append("\"><img loading=\"lazy\" src=\"").Append(href).Append("\" alt=\"").Append(Encode(row.Prompt)).Append("\"></a>\n");
            }
            else
            {
                html.Append("<div class=\"missing\">").Append(Encode(status.Replace('_', ' '))).Append("</div>\n");
            }

            html.Append("<figcaption><div class=\"meta\">").Append(Encode(row.Label));
            if ((result?.ModelId ?? row.Model) is { } model) html.Append(" · ").Append(Encode(model));
            if (BatchLedger.BilledUsd(result) is var cost and > 0) html.Append(" · ").Append(Money(cost));
            html.Append("</div>\n<div class=\"prompt\">").Append(Encode(row.Prompt)).Append("</div>\n");
            if (result?.PredictionId is { } id) html.Append("<div class=\"meta\">").Append(Encode(id)).Append("</div>\n");
            if (problem && result?.Error is { } error) html.Append("<div class=\"error\">").Append(Encode(error)).Append("</div>\n");
            html.Append("</figcaption>\n</figure>\n");
        }

        html.Append("</div>\n</body>\n</html>\n");
        var path = Path.Combine(ledger.Folder, FileName);
        var temporary = path + ".part";
        await File.WriteAllTextAsync(temporary, html.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Money(decimal usd) => Output.SavedImageWriter.Money(usd);
}
