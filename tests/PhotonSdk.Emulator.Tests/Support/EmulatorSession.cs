using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PhotonSdk.Emulator.Tests.Support;

/// <summary>A running emulator and an authenticated HttpClient pointed at its API; disposing stops both.</summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private EmulatorSession(WaveSpeedEmulator emulator, HttpClient api, HttpClient anonymous)
    {
        Emulator = emulator;
        Api = api;
        Anonymous = anonymous;
    }

    public WaveSpeedEmulator Emulator { get; }

    /// <summary>A client with <c>Authorization: Bearer test-key</c> and the API root as base address.</summary>
    public HttpClient Api { get; }

    /// <summary>A client with no Authorization header, for presigned and CDN-like URLs.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Starts an emulator; by default predictions finish at once (latency scale 0).</summary>
    public static async Task<EmulatorSession> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { LatencyScale = 0 };
        configure?.Invoke(options);
        var emulator = await WaveSpeedEmulator.StartAsync(options);
        var api = new HttpClient { BaseAddress = emulator.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new EmulatorSession(emulator, api, new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Submits <paramref name="body"/> to <paramref name="model"/> and returns the envelope's <c>data</c>; the submit must succeed.</summary>
    public async Task<JsonObject> SubmitAsync(string model, object body, string? query = null)
    {
        using var response = await Api.PostAsync(model + query, Json.Body(body));
        var envelope = await Json.ReadObjectAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"Submit answered {(int)response.StatusCode}: {envelope.ToJsonString()}");
        return envelope["data"]!.AsObject();
    }

    /// <summary>Reads a prediction's result and returns the envelope's <c>data</c>.</summary>
    public async Task<JsonObject> ResultAsync(string id)
    {
        using var response = await Api.GetAsync($"predictions/{id}/result");
        var envelope = await Json.ReadObjectAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"Result answered {(int)response.StatusCode}: {envelope.ToJsonString()}");
        return envelope["data"]!.AsObject();
    }

    public async Task<decimal> BalanceAsync()
    {
        using var response = await Api.GetAsync("balance");
        var envelope = await Json.ReadObjectAsync(response);
        return envelope["data"]!["balance"]!.GetValue<decimal>();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Emulator.DisposeAsync();
    }
}
