using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Resilience;
using PhotonSdk.Rest;
using PhotonSdk.Transport;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// What the SDK's one request policy costs per request on its own: a result read through it (retry and timeout
/// strategies, the body read into the pool and checked as JSON, the envelope's code found), against sending the same
/// request directly. A prediction makes four such requests (submit and three polls).
/// </summary>
[MemoryDiagnoser]
public class ResilienceOverheadBenchmarks
{
    private static readonly Uri ResultUrl = new("https://api.wavespeed.ai/api/v3/predictions/5e2b8f1c0a9d/result");
    private static readonly RequestMark ResultRead = RequestMark.ForOperation("getPredictionResult", null, "5e2b8f1c0a9d");

    private HttpClient _http = null!;
    private RequestPolicy _policy = null!;
    private RequestPolicy _noRetries = null!;
    private CancellationTokenSource _waitBound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CompletedResultHandler());
        _policy = new RequestPolicy(new RetryOptions(), TimeProvider.System, NullLogger.Instance, new ApiKey("benchmark-key"), PhotonClient.MaxResponseBytes);
        _noRetries = new RequestPolicy(new RetryOptions { MaxRetryAttempts = 0 }, TimeProvider.System, NullLogger.Instance, new ApiKey("benchmark-key"), PhotonClient.MaxResponseBytes);
        // A wait always passes its own bound, so the timeout strategy links to a token that can be cancelled.
        _waitBound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    }

    [Benchmark(Baseline = true)]
    public async Task<long> DirectSend()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ResultUrl);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _waitBound.Token);
        return (await response.Content.ReadAsByteArrayAsync(_waitBound.Token)).LongLength;
    }

    [Benchmark]
    public async Task<long> ThroughPolicy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ResultUrl);
        using var response = await _policy.SendAsync(_http, request, ResultRead, _waitBound.Token);
        return response.Content.Headers.ContentLength ?? 0;
    }

    /// <summary>The body read and its envelope found, without Polly: what the policy's own work costs.</summary>
    [Benchmark]
    public async Task<long> DirectSendWithBodyRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ResultUrl);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _waitBound.Token);
        await BufferedBody.ReplaceAsync(response, ResultRead, PhotonClient.MaxResponseBytes, 0, _waitBound.Token);
        return response.Content.Headers.ContentLength ?? 0;
    }

    /// <summary>The policy with retries off: the per-attempt timeout alone.</summary>
    [Benchmark]
    public async Task<long> ThroughPolicyWithoutRetries()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ResultUrl);
        using var response = await _noRetries.SendAsync(_http, request, ResultRead, _waitBound.Token);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _waitBound.Dispose();
        _http.Dispose();
    }

    private sealed class CompletedResultHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = """{"code":200,"message":"success","data":{"id":"5e2b8f1c0a9d","model":"luma/photon-flash","status":"completed","outputs":["https://cdn.example/5e2b8f1c0a9d.png"]}}"""u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request });
    }
}
