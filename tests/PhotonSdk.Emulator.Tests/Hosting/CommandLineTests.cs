using System.CommandLine;
using System.CommandLine.Help;

namespace PhotonSdk.Emulator.Tests.Hosting;

public sealed class CommandLineTests
{
    /// <summary>Parses as the emulator's program does: its options on a root command.</summary>
    private static (EmulatorCommandLine CommandLine, ParseResult Parse) Parse(params string[] args)
    {
        var commandLine = new EmulatorCommandLine();
        var root = new RootCommand();
        foreach (var option in commandLine.Options)
        {
            root.Options.Add(option);
        }

        return (commandLine, root.Parse(args));
    }

    private static EmulatorOptions Read(params string[] args)
    {
        var (commandLine, parse) = Parse(args);
        return commandLine.GetEmulatorOptions(parse);
    }

    [Fact]
    public void No_arguments_give_the_defaults()
    {
        var (commandLine, parse) = Parse();
        var options = commandLine.GetEmulatorOptions(parse);

        Assert.Empty(parse.Errors);
        Assert.IsNotType<HelpAction>(parse.Action);
        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Empty(options.ApiKeys);
        Assert.Equal(1.0, options.LatencyScale);
        Assert.Equal(RateLimitTier.None, options.RateLimitTier);
        Assert.Null(options.Seed);
        Assert.Equal(10.00m, options.InitialBalance);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SyncModeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Faults.SlowResponseDelay);
        Assert.False(options.Faults.ServerErrorKeepsSubmission);
        Assert.Null(options.WebhookSecret);
    }

    [Fact]
    public void A_host_chooses_its_own_default_address()
    {
        var commandLine = new EmulatorCommandLine("http://127.0.0.1:5599");
        var root = new RootCommand();
        foreach (var option in commandLine.Options)
        {
            root.Options.Add(option);
        }

        Assert.Equal("http://127.0.0.1:5599", commandLine.GetEmulatorOptions(root.Parse([])).Urls);
        Assert.Equal("http://127.0.0.1:0", commandLine.GetEmulatorOptions(root.Parse(["--urls", "http://127.0.0.1:0"])).Urls);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = Read(
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
            "--slow-delay", "1.5");

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
    [InlineData("--server-error-keeps-submission=true", true)]
    [InlineData("--server-error-keeps-submission=false", false)]
    [InlineData("--server-error-keeps-submission", true)]
    public void The_flag_takes_an_explicit_value_after_equals(string argument, bool expected)
    {
        Assert.Equal(expected, Read(argument).Faults.ServerErrorKeepsSubmission);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised_and_lists_every_option(string flag)
    {
        var (commandLine, parse) = Parse(flag);
        using var output = new StringWriter();

        Assert.IsType<HelpAction>(parse.Action);
        Assert.Equal(0, parse.Invoke(new InvocationConfiguration { Output = output }));
        var help = output.ToString();
        foreach (var option in commandLine.Options)
        {
            Assert.Contains(option.Name, help, StringComparison.Ordinal);
        }

        Assert.Contains("--rate-limit-tier <none|bronze|silver|gold|ultra>", help, StringComparison.Ordinal);
        Assert.Contains("[default: 60]", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--seed", "--seed")]
    [InlineData("Option --seed needs an integer, not 'abc'.", "--seed", "abc")]
    [InlineData("Option --latency-scale: Must be a finite number, 0 or more. Got '-1'.", "--latency-scale", "-1")]
    [InlineData("Option --latency-jitter: Must be 0 or more and less than 1. Got '1'.", "--latency-jitter", "1")]
    [InlineData("Option --sync-timeout: Cannot be negative. Got '-1'.", "--sync-timeout", "-1")]
    [InlineData("Option --sync-timeout needs a number of seconds, not '1e300'.", "--sync-timeout", "1e300")]
    [InlineData("Option --rate-limit-tier needs none, bronze, silver, gold or ultra, not 'platinum'.", "--rate-limit-tier", "platinum")]
    [InlineData("Option --image-format needs png or jpeg, not 'gif'.", "--image-format", "gif")]
    [InlineData("Option --failure-rate: Must be between 0 and 1. Got '2'.", "--failure-rate", "2")]
    [InlineData("Option --failure-code: Must be 1403, 1405, 5000 or 5003. Got '200'.", "--failure-code", "200")]
    [InlineData("Option --server-error-status: Must be a 5xx status. Got '404'.", "--server-error-status", "404")]
    [InlineData("Option --max-upload-bytes: Must be positive and below 2 GiB. Got '0'.", "--max-upload-bytes", "0")]
    [InlineData("Option --model-latency needs MODEL=SECONDS, e.g. luma/photon=5, not 'luma/photon'.", "--model-latency", "luma/photon")]
    [InlineData("Option --model-latency: Cannot be negative. Got 'luma/photon=-2'.", "--model-latency", "luma/photon=-2")]
    [InlineData("'maybe'", "--server-error-keeps-submission=maybe")]
    [InlineData("Option --initial-balance needs an amount such as 10.00, not 'ten'.", "--initial-balance", "ten")]
    [InlineData("Option --moderation-word: Moderation words cannot be empty.", "--moderation-word", "")]
    public void Bad_arguments_are_parse_errors_naming_the_problem(string message, params string[] args)
    {
        var (commandLine, parse) = Parse(args);

        var error = Assert.Single(parse.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ArgumentException>(() => commandLine.GetEmulatorOptions(parse));
        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--api-key", "")]
    [InlineData("--webhook-secret", "not-a-whsec-secret")]
    public void Errors_about_secrets_do_not_repeat_them(string option, string value)
    {
        var (_, parse) = Parse(option, value);

        var error = Assert.Single(parse.Errors);
        Assert.StartsWith($"Option {option}: ", error.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }
}
