using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>A WireMock server on loopback, a fake clock and a client pointed at both; one per test.</summary>
public abstract class WireMockTestBase : IDisposable
{
    public const string ApiKey = "ws-test-key-0123456789abcdef";
    protected const string FlashPath = "/api/v3/luma/photon-flash";
    protected const string PhotonPath = "/api/v3/luma/photon";
    protected const string ResultPath = "/api/v3/predictions/" + PredictionJson.Id + "/result";

    protected WireMockTestBase()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        Time = new WatchedClock();
        Http = new InFlightHandler();
        HttpClient = new HttpClient(Http);
        Client = CreateClient();
    }

    protected WireMockServer Server { get; }

    protected WatchedClock Time { get; }

    protected InFlightHandler Http { get; }

    protected HttpClient HttpClient { get; }

    protected PhotonClient Client { get; set; }

    protected PhotonClient CreateClient(Action<PhotonClientOptions>? configure = null)
    {
        var options = new PhotonClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = new Uri(Server.Url!),
            TimeProvider = Time,
            Retry = { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), MaxRetryAttempts = 3 },
        };
        configure?.Invoke(options);
        return new PhotonClient(options, HttpClient);
    }

    protected IRequestBuilder Post(string path) => Request.Create().WithPath(path).UsingPost();

    protected IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet();

    protected static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>Answers successive requests to one route with successive responses, the last one repeating.</summary>
    protected void Sequence(IRequestBuilder request, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(request).InScenario(scenario);
            if (i > 0) mapping = mapping.WhenStateIs($"step{i}");
            if (i < responses.Length - 1) mapping = mapping.WillSetStateTo($"step{i + 1}");
            mapping.RespondWith(responses[i]);
        }
    }

    protected int Count(string method, string path) =>
        Server.LogEntries.Count(e => e.RequestMessage!.Method == method && e.RequestMessage.Path == path);

    protected IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>Runs a call to its end on the fake clock, which moves to the next timer whenever the client waits on it.</summary>
    protected Task<T> Drive<T>(Task<T> task) => Time.DriveAsync(task, Http);

    protected async Task<TException> DriveThrows<TException>(Task task)
        where TException : Exception
    {
        await Time.DriveAsync(task, Http);
        return await Assert.ThrowsAnyAsync<TException>(() => task);
    }

    protected TimeSpan Elapsed => Time.GetUtcNow() - Time.Start;

    public void Dispose()
    {
        Client.Dispose();
        HttpClient.Dispose();
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
