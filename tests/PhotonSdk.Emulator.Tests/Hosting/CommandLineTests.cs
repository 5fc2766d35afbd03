namespace PhotonSdk.Emulator.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_give_the_defaults()
    {
        var commandLine = EmulatorCommandLine.Parse([]);

        Assert.False(commandLine.ShowHelp);
        Assert.Equal("http://127.0.0.1:0", commandLine.Options.Urls);
        Assert.Empty(commandLine.Options.ApiKeys);
        Assert.Equal(1.0, commandLine.Options.LatencyScale);
        Assert.Equal(RateLimitTier.None, commandLine.Options.RateLimitTier);
        Assert.Null(commandLine.Options.Seed);
        Assert.Equal(10.00m, commandLine.Options.InitialBalance);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var commandLine = EmulatorCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:5599",
            "--api-key", "one", "--api-key=two",
            "--latency-scale", "0.25",
            "--latency-jitter", "0.1",
            "--model-latency", "luma/photon=5",
            "--sync-timeout", "30",
            "--rate-limit-tier", "Gold",
            "--seed=42",
            "--initial-balance", "2.5",
            "--webhook-secret", "whsec_abc",
            "--max-upload-bytes", "1000",
            "--image-format", "jpeg",
            "--moderation-word", "forbidden",
            "--failure-rate", "0.1",
            "--failure-code", "5000",
            "--server-error-rate", "0.2",
            "--server-error-status", "502",
            "--server-error-keeps-submission",
            "--slow-rate", "0.3",
            "--slow-delay", "1.5",
        ]);
        var options = commandLine.Options;

        Assert.Equal("http://127.0.0.1:5599", options.Urls);
        Assert.Equal(["one", "two"], options.ApiKeys);
        Assert.Equal(0.25, options.LatencyScale);
        Assert.Equal(0.1, options.LatencyJitter);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ModelLatencies["luma/photon"]);
        Assert.Equal(TimeSpan.FromSeconds(30), options.SyncModeTimeout);
        Assert.Equal(RateLimitTier.Gold, options.RateLimitTier);
        Assert.Equal(42, options.Seed);
        Assert.Equal(2.5m, options.InitialBalance);
        Assert.Equal("whsec_abc", options.WebhookSecret);
        Assert.Equal(1000, options.MaxUploadBytes);
        Assert.Equal(EmulatorImageFormat.Jpeg, options.ImageFormat);
        Assert.Equal(["forbidden"], options.Faults.ModerationWords);
        Assert.Equal(0.1, options.Faults.FailureRate);
        Assert.Equal(5000, options.Faults.FailureCode);
        Assert.Equal(0.2, options.Faults.ServerErrorRate);
        Assert.Equal(502, options.Faults.ServerErrorStatusCode);
        Assert.True(options.Faults.ServerErrorKeepsSubmission);
        Assert.Equal(0.3, options.Faults.SlowResponseRate);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Faults.SlowResponseDelay);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(EmulatorCommandLine.Parse([flag]).ShowHelp);
        Assert.Contains("--rate-limit-tier", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--seed")]
    [InlineData("--seed", "abc")]
    [InlineData("--latency-scale", "-1")]
    [InlineData("--latency-jitter", "1")]
    [InlineData("--rate-limit-tier", "platinum")]
    [InlineData("--image-format", "gif")]
    [InlineData("--failure-rate", "2")]
    [InlineData("--api-key", "")]
    [InlineData("--model-latency", "luma/photon")]
    [InlineData("--server-error-keeps-submission=maybe")]
    [InlineData("--initial-balance", "ten")]
    public void Bad_arguments_throw_naming_the_problem(params string[] args)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => EmulatorCommandLine.Parse(args));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
