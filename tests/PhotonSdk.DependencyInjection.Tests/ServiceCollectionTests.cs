using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.DependencyInjection.Tests;

// One test sets WAVESPEED_API_KEY for the whole process while it runs.
[Collection(RunsAlone.Name)]
public sealed class ServiceCollectionTests : IDisposable
{
    private const string Id = "6488c2754f6f4dfea924382fa14d11bd";
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });

    private static string Envelope(string status, string id = Id) =>
        """{"code":200,"message":"success","data":{"id":"ID","model":"luma/photon-flash","outputs":OUTPUTS,"status":"STATUS","created_at":"2026-11-23T12:00:00.123Z","error":""}}"""
            .Replace("ID", id, StringComparison.Ordinal)
            .Replace("OUTPUTS", status == "completed" ? "[\"https://cdn.example.com/a.png\"]" : "[]", StringComparison.Ordinal)
            .Replace("STATUS", status, StringComparison.Ordinal);

    private IConfiguration Config(string prefix, string key, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{prefix}:ApiKey"] = key,
            [$"{prefix}:BaseUrl"] = _server.Url,
            [$"{prefix}:Routing:DefaultModel"] = "flash",
            [$"{prefix}:Polling:FirstDelay"] = "00:00:00.010",
            [$"{prefix}:Polling:UseTypicalDurations"] = "false",
            [$"{prefix}:Retry:BaseDelay"] = "00:00:00",
            [$"{prefix}:Retry:UseJitter"] = "false",
        };
        foreach (var (k, v) in extra) values[$"{prefix}:{k}"] = v;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(prefix);
    }

    private int Count(string method, string pathPrefix) =>
        _server.LogEntries.Count(e => e.RequestMessage!.Method == method && e.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    [Fact]
    public async Task One_call_registers_a_client_bound_from_configuration()
    {
        _server.Given(Request.Create().WithPath("/api/v3/luma/photon").UsingPost()).RespondWith(Response.Create().WithBody(Envelope("created")));
        var services = new ServiceCollection().AddLogging();
        services.AddPhotonClient(Config("Photon", "key-one", ("Routing:DefaultModel", "photon"), ("Polling:Timeout", "00:02:00")));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IPhotonClient>();
        var handle = await client.SubmitAsync("A lighthouse");

        Assert.Same(provider.GetRequiredService<PhotonClient>(), client);
        Assert.Equal(Id, handle.Id);
        Assert.Equal("/api/v3/luma/photon", _server.LogEntries.Single().RequestMessage!.Path);
        Assert.Equal(TimeSpan.FromMinutes(2), provider.GetRequiredService<IOptionsMonitor<PhotonClientOptions>>().CurrentValue.Polling.Timeout);
        Assert.Equal("Bearer key-one", _server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single());
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddPhotonClient(Config("Photon", "key", ("Routing:DefaultModel", "luma/photon-ultra")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Routing.DefaultModel must be a catalog model's id, name or alias", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was 'luma/photon-ultra')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_reports_every_invalid_setting_with_the_constructor_s_message_and_builds_no_client()
    {
        // A client built from these options would ask the factory for its logger; the check must not build one.
        var loggers = new CountingLoggerFactory();
        void Configure(PhotonClientOptions options)
        {
            options.ApiKey = "key";
            options.LoggerFactory = loggers;
            options.Routing.DefaultModel = "dall-e";
            options.Polling.Growth = 0;
            options.Retry.MaxRetryAttempts = 99;
            options.Retry.BaseDelay = TimeSpan.FromSeconds(5);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            options.MaxUploadBytes = 0;
        }

        var services = new ServiceCollection();
        services.AddPhotonClient(Configure);
        using var provider = services.BuildServiceProvider();
        var direct = new PhotonClientOptions();
        Configure(direct);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var fromConstructor = Assert.Throws<ArgumentException>(() => new PhotonClient(direct));

        Assert.Equal($"Photon client options: {fromConstructor.Message}", Assert.Single(error.Failures));
        foreach (var setting in new[] { "Routing.DefaultModel", "Polling.Growth", "Retry.MaxRetryAttempts", "Retry.MaxDelay", "MaxUploadBytes" })
            Assert.Contains(setting + " must ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, loggers.Created);
    }

    [Fact]
    public async Task The_client_keeps_the_options_it_was_built_with()
    {
        _server.Given(Request.Create().WithPath("/api/v3/luma/photon-flash").UsingPost()).RespondWith(Response.Create().WithBody(Envelope("created")));
        var services = new ServiceCollection();
        services.AddPhotonClient(Config("Photon", "key"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPhotonClient>();

        var options = provider.GetRequiredService<IOptionsMonitor<PhotonClientOptions>>().CurrentValue;
        options.Routing.DefaultModel = "photon";
        options.ApiKey = "changed";
        await client.SubmitAsync("A lighthouse");

        var submit = Assert.Single(_server.LogEntries);
        Assert.Equal("/api/v3/luma/photon-flash", submit.RequestMessage!.Path);
        Assert.Equal("Bearer key", submit.RequestMessage.Headers!["Authorization"].Single());
    }

    private sealed class CountingLoggerFactory : ILoggerFactory
    {
        public int Created { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created++;
            return NullLogger.Instance;
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Two_named_clients_talk_to_two_accounts_side_by_side()
    {
        _server.Given(Request.Create().WithPath("/api/v3/luma/photon-flash").UsingPost()).RespondWith(Response.Create().WithBody(Envelope("created")));
        var services = new ServiceCollection();
        services.AddPhotonClient("team-a", Config("A", "key-a"));
        services.AddPhotonClient("team-b", Config("B", "key-b"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IPhotonClient>("team-a").SubmitAsync("one");
        await provider.GetRequiredKeyedService<IPhotonClient>("team-b").SubmitAsync("two");

        Assert.Equal(
            ["Bearer key-a", "Bearer key-b"],
            _server.LogEntries.OrderBy(e => e.RequestMessage!.DateTime).Select(e => e.RequestMessage!.Headers!["Authorization"].Single()));
        Assert.NotSame(provider.GetRequiredKeyedService<IPhotonClient>("team-a"), provider.GetRequiredKeyedService<IPhotonClient>("team-b"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task The_resilience_handler_does_not_send_a_submit_again_after_a_5xx(int status)
    {
        _server.Given(Request.Create().WithPath("/api/v3/luma/photon-flash").UsingPost()).RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"message":"upstream"}"""));
        var services = new ServiceCollection();
        services.AddPhotonClient(Config("Photon", "key"));
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<PhotonSubmissionUncertainException>(() => provider.GetRequiredService<IPhotonClient>().GenerateAsync("A lighthouse"));

        Assert.Equal(1, Count("POST", "/api/v3/luma/photon-flash"));
    }

    [Fact]
    public async Task The_resilience_handler_retries_a_429_submit_and_5xx_polls()
    {
        var submit = Request.Create().WithPath("/api/v3/luma/photon-flash").UsingPost();
        _server.Given(submit).InScenario("submit").WillSetStateTo("accepted").RespondWith(Response.Create().WithStatusCode(429).WithBody("""{"message":"slow down"}"""));
        _server.Given(submit).InScenario("submit").WhenStateIs("accepted").RespondWith(Response.Create().WithBody(Envelope("created")));
        var poll = Request.Create().WithPath($"/api/v3/predictions/{Id}/result").UsingGet();
        _server.Given(poll).InScenario("poll").WillSetStateTo("recovered").RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"message":"busy"}"""));
        _server.Given(poll).InScenario("poll").WhenStateIs("recovered").RespondWith(Response.Create().WithBody(Envelope("completed")));
        var services = new ServiceCollection();
        services.AddPhotonClient(Config("Photon", "key"));
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IPhotonClient>().GenerateAsync("A lighthouse");

        Assert.Equal(Id, result.PredictionId);
        Assert.Equal(2, Count("POST", "/api/v3/luma/photon-flash"));
        Assert.Equal(2, Count("GET", "/api/v3/predictions/"));
    }

    [Fact]
    public async Task The_key_falls_back_to_WAVESPEED_API_KEY()
    {
        _server.Given(Request.Create().WithPath("/api/v3/luma/photon-flash").UsingPost()).RespondWith(Response.Create().WithBody(Envelope("created")));
        var saved = Environment.GetEnvironmentVariable("WAVESPEED_API_KEY");
        Environment.SetEnvironmentVariable("WAVESPEED_API_KEY", "from-environment");
        try
        {
            var services = new ServiceCollection();
            services.AddPhotonClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Photon:BaseUrl"] = _server.Url }).Build().GetSection("Photon"));
            using var provider = services.BuildServiceProvider();

            provider.GetRequiredService<IStartupValidator>().Validate();
            await provider.GetRequiredService<IPhotonClient>().SubmitAsync("A lighthouse");
        }
        finally
        {
            Environment.SetEnvironmentVariable("WAVESPEED_API_KEY", saved);
        }

        Assert.Equal("Bearer from-environment", _server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single());
    }

    [Fact]
    public void The_image_generator_companion_serves_the_registered_clients()
    {
        var services = new ServiceCollection();
        services.AddPhotonClient(Config("Photon", "key")).AddImageGenerator(defaultModelId: "photon");
        services.AddPhotonClient("team-b", Config("B", "key-b")).AddImageGenerator();
        using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IImageGenerator>();
        var teamGenerator = provider.GetRequiredKeyedService<IImageGenerator>("team-b");

        Assert.Same(provider.GetRequiredService<IPhotonClient>(), generator.GetService<IPhotonClient>());
        Assert.Same(provider.GetRequiredKeyedService<IPhotonClient>("team-b"), teamGenerator.GetService<IPhotonClient>());
        Assert.Equal("luma/photon", generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
        Assert.Equal("wavespeed", teamGenerator.GetService<ImageGeneratorMetadata>()!.ProviderName);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
