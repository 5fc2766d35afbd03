using System.Net;
using System.Text;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// An in-memory WaveSpeed API: a submit answers <c>created</c>, then the result answers <c>processing</c> twice and
/// <c>completed</c> on the third poll. Both sides of the benchmark talk to this same handler, so only client cost differs.
/// </summary>
internal sealed class ScriptedApiHandler : HttpMessageHandler
{
    private const string Id = "6488c2754f6f4dfea924382fa14d11bd";

    private static readonly byte[] Created = Envelope("created", "[]");
    private static readonly byte[] Processing = Envelope("processing", "[]");
    private static readonly byte[] Completed = Envelope("completed", """["https://d1q70pf5vjeyhc.cloudfront.net/predictions/6488c2754f6f4dfea924382fa14d11bd/1.png"]""");

    private int _polls;

    public void Reset() => _polls = 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request's body is written out, as any transport writes it to the server; a client that serializes lazily
        // (JsonContent) would otherwise be measured without serializing at all.
        if (request.Content is { } sent) await sent.CopyToAsync(Stream.Null, cancellationToken);

        var body = request.Method == HttpMethod.Post ? Created : ++_polls < 3 ? Processing : Completed;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private static byte[] Envelope(string status, string outputs) => Encoding.UTF8.GetBytes(
        """{"code":200,"message":"success","data":{"id":"ID","model":"luma/photon-flash","outputs":OUTPUTS,"urls":{"get":"https://api.wavespeed.ai/api/v3/predictions/ID/result"},"has_nsfw_contents":[],"status":"STATUS","created_at":"2025-09-29T23:09:43.027Z","error":"","executionTime":0,"timings":{"inference":0}}}"""
            .Replace("ID", Id, StringComparison.Ordinal)
            .Replace("OUTPUTS", outputs, StringComparison.Ordinal)
            .Replace("STATUS", status, StringComparison.Ordinal));
}
