namespace PhotonSdk.Transport;

/// <summary>
/// A copy of a request for a retry: HttpClient sends a message only once. The content is shared, which is safe for what
/// the SDK sends (JSON bytes, and seekable streams that StreamContent rewinds before each send).
/// </summary>
internal static class RequestCopy
{
    public static HttpRequestMessage Of(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers) copy.Headers.TryAddWithoutValidation(name, values);
        foreach (var (key, value) in request.Options) ((IDictionary<string, object?>)copy.Options)[key] = value;
        return copy;
    }
}
