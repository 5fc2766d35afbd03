using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_binds_a_free_loopback_port_and_exposes_its_urls()
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
        Assert.Equal("/", emulator.BaseUrl.AbsolutePath);
        Assert.Equal(new Uri(emulator.BaseUrl, "api/v3/"), emulator.ApiBaseUrl);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var one = await WaveSpeedEmulator.StartAsync();
        await using var two = await WaveSpeedEmulator.StartAsync();

        Assert.NotEqual(one.BaseUrl.Port, two.BaseUrl.Port);
    }

    [Fact]
    public async Task Dispose_stops_the_server()
    {
        var emulator = await WaveSpeedEmulator.StartAsync();
        using var http = new HttpClient();
        using var before = await http.GetAsync(emulator.BaseUrl);

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(emulator.BaseUrl));
    }

    [Fact]
    public async Task Unknown_routes_answer_404_in_the_error_envelope()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.GetAsync("no/such/thing");
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body.NumberAt("code"));
    }

    [Theory]
    [InlineData(nameof(EmulatorOptions.LatencyScale))]
    [InlineData(nameof(EmulatorOptions.MaxUploadBytes))]
    [InlineData(nameof(EmulatorOptions.WebhookSecret))]
    [InlineData("Faults.FailureRate")]
    [InlineData("Faults.FailureCode")]
    [InlineData("Faults.ServerErrorStatusCode")]
    public async Task Out_of_range_options_are_refused_naming_the_option(string option)
    {
        var options = new EmulatorOptions();
        switch (option)
        {
            case nameof(EmulatorOptions.LatencyScale): options.LatencyScale = -1; break;
            case nameof(EmulatorOptions.MaxUploadBytes): options.MaxUploadBytes = 0; break;
            case nameof(EmulatorOptions.WebhookSecret): options.WebhookSecret = "secret-without-prefix"; break;
            case "Faults.FailureRate": options.Faults.FailureRate = 1.5; break;
            case "Faults.FailureCode": options.Faults.FailureCode = 200; break;
            case "Faults.ServerErrorStatusCode": options.Faults.ServerErrorStatusCode = 404; break;
        }

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => WaveSpeedEmulator.StartAsync(options));

        Assert.Equal(option, error.ParamName);
    }
}
