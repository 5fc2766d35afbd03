using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Polling;

/// <summary>
/// An in-memory API whose predictions finish on the fake clock: each submit gets a new id and a duration, and a result
/// read answers <c>processing</c> until that much fake time has passed since the submit, <c>completed</c> after. It
/// records when (since its submit) each read of each prediction arrived.
/// </summary>
public sealed class TimedPredictionHandler(FakeTimeProvider time, Func<int, string, TimeSpan> durationOf) : HttpMessageHandler
{
    private readonly Dictionary<string, (DateTimeOffset Submitted, TimeSpan Duration, string Model)> _predictions = [];
    private readonly Dictionary<string, List<TimeSpan>> _reads = [];
    private readonly Lock _gate = new();
    private int _submits;

    /// <summary>The reads of the <paramref name="index"/>-th submitted prediction, as times since its submit.</summary>
    public IReadOnlyList<TimeSpan> ReadsOf(int index)
    {
        lock (_gate) return [.. _reads[IdOf(index)]];
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var now = time.GetUtcNow();
        string body;
        lock (_gate)
        {
            if (request.Method == HttpMethod.Post)
            {
                var model = path["/api/v3/".Length..];
                var index = _submits++;
                var id = IdOf(index);
                _predictions[id] = (now, durationOf(index, model), model);
                _reads[id] = [];
                body = PredictionJson.Envelope("created", model, id: id);
            }
            else
            {
                var id = path.Split('/')[^2];
                var (submitted, duration, model) = _predictions[id];
                _reads[id].Add(now - submitted);
                body = now - submitted >= duration
                    ? PredictionJson.Envelope("completed", model, [PredictionJson.OutputUrl], id: id)
                    : PredictionJson.Envelope("processing", model, id: id);
            }
        }

        var content = new StringContent(body, Encoding.UTF8, "application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static string IdOf(int index) => $"prediction{index:D4}";
}
