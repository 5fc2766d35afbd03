using System.Globalization;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// The SDK as a program that makes one image and exits uses it: a new client for every prediction, so nothing learned
/// from earlier predictions helps and each wait is timed only by the catalog's typical durations. The HTTP client is
/// shared so that the mode measures the schedule, not the cost of new connections.
/// </summary>
internal sealed class FreshClients(HttpClient http, Uri baseUrl, string apiKey, IReadOnlyList<string> models)
{
    public const string Mode = "fresh";

    public const string Name = "SDK default polling, a new client per prediction";

    public async Task<Noticed> GenerateAsync(int index, CancellationToken cancellationToken)
    {
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = apiKey, BaseUrl = baseUrl }, http);
        var prompt = string.Create(CultureInfo.InvariantCulture, $"Load test prediction {index}: a lighthouse at dawn");
        var result = await client.GenerateAsync(prompt, new GenerationOptions { Model = models[index % models.Count] }, cancellationToken);
        return new Noticed(result.PredictionId, DateTimeOffset.UtcNow);
    }
}
