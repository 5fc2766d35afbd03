using System.Net.Http.Json;
using System.Text.Json;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// What the official SDKs do, written by hand: submit, then read the result every second until it is terminal. The
/// yardstick for how many requests a prediction may cost.
/// </summary>
internal sealed class BaselinePoller(HttpClient http, Uri apiRoot, string apiKey)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task<Noticed> GenerateAsync(string modelId, string prompt, CancellationToken cancellationToken)
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, new Uri(apiRoot, modelId)) { Content = JsonContent.Create(new { prompt }) };
        submit.Headers.Authorization = new("Bearer", apiKey);
        using var submitted = await http.SendAsync(submit, cancellationToken);
        submitted.EnsureSuccessStatusCode();
        var id = (await ReadDataAsync(submitted, cancellationToken)).GetProperty("id").GetString()!;

        while (true)
        {
            await Task.Delay(Interval, cancellationToken);
            using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(apiRoot, $"predictions/{id}/result"));
            poll.Headers.Authorization = new("Bearer", apiKey);
            using var polled = await http.SendAsync(poll, cancellationToken);
            polled.EnsureSuccessStatusCode();
            var status = (await ReadDataAsync(polled, cancellationToken)).GetProperty("status").GetString();
            if (status == "completed") return new Noticed(id, DateTimeOffset.UtcNow);
            if (status is "failed" or "cancelled" or "timeout" or "deleted") throw new InvalidOperationException($"Prediction {id} ended {status}.");
        }
    }

    private static async Task<JsonElement> ReadDataAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("data").Clone();
    }
}
