using System.Net;
using System.Text;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>Answers requests from a table of canned bodies by path and records exactly what was sent.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Dictionary<string, string> _responses = new(StringComparer.Ordinal);

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Answer(string path, string body)
    {
        _responses[path] = body;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body,
            Header(request, "Accept"),
            Header(request, "X-Client-Name"),
            Header(request, "X-Client-Version"),
            Header(request, "X-Client-OS")));
        var answer = _responses.TryGetValue(request.RequestUri.AbsolutePath, out var canned) ? canned : """{"code":404,"message":"no canned answer"}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

public sealed record RecordedRequest(
    string Method, string PathAndQuery, string? Authorization, string? ContentType, string? Body,
    string? Accept, string? ClientName, string? ClientVersion, string? ClientOs);
