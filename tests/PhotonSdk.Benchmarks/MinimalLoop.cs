using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// The least code that does the same exchange by hand: HttpClient and System.Text.Json, no retries, no validation, no
/// error mapping. The yardstick the SDK is measured against. Its requests are the SDK's, header for header (Accept and
/// the X-Client-* attribution that every official WaveSpeed client sends), unless it is told to send the bearer key alone.
/// </summary>
internal sealed class MinimalLoop(HttpClient http, string apiKey, bool sameHeadersAsSdk = true)
{
    public async Task<Uri> GenerateAsync(string prompt, CancellationToken cancellationToken)
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, "https://api.wavespeed.ai/api/v3/luma/photon-flash")
        {
            Content = JsonContent.Create(new SubmitBody(prompt)),
        };
        AddHeaders(submit);
        using var submitted = await http.SendAsync(submit, cancellationToken);
        var created = await submitted.Content.ReadFromJsonAsync<Envelope>(cancellationToken);
        var id = created!.Data!.Id;
        while (true)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"https://api.wavespeed.ai/api/v3/predictions/{id}/result");
            AddHeaders(poll);
            using var polled = await http.SendAsync(poll, cancellationToken);
            var state = await polled.Content.ReadFromJsonAsync<Envelope>(cancellationToken);
            if (state!.Data!.Status == "completed") return new Uri(state.Data.Outputs![0]);
        }
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.Authorization = new("Bearer", apiKey);
        if (!sameHeadersAsSdk) return;
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("X-Client-Name", "minimal-loop");
        request.Headers.TryAddWithoutValidation("X-Client-Version", "0.1.0");
        request.Headers.TryAddWithoutValidation("X-Client-OS", "linux");
    }

    private sealed record SubmitBody([property: JsonPropertyName("prompt")] string Prompt);

    private sealed record Envelope([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("data")] Prediction? Data);

    private sealed record Prediction(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("outputs")] List<string>? Outputs);
}
