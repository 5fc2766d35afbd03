using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Predictions;

/// <summary><c>POST /api/v3/predictions</c>: the account's predictions of the last 7 days, filtered, newest first, a page at a time.</summary>
internal sealed class HistoryEndpoint
{
    private readonly EmulatorServices _services;

    public HistoryEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await JsonBodies.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, JsonBodies.NotAnObject).ConfigureAwait(false);
            return;
        }

        var query = HistoryQuery.Read(body.Value, out var problem);
        if (query is null)
        {
            await ApiResults.InvalidParameterAsync(context, problem!.TaskCode, problem.Message).ConfigureAwait(false);
            return;
        }

        var now = _services.Time.GetUtcNow();
        var matching = _services.Predictions.Retained(now)
            .Where(p => query.Matches(p, now))
            .OrderByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Ordinal)
            .ToList();
        var items = matching
            .Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize))
            .Take(query.PageSize)
            .Select(p => _services.Payloads.Listed(p, now))
            .ToList();
        var page = new HistoryPagePayload { Page = query.Page, Total = matching.Count, Items = items };
        await ApiResults.OkAsync(context, page, EmulatorJsonContext.Wire.EnvelopeHistoryPagePayload).ConfigureAwait(false);
    }
}
