using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>The options of <see cref="PhotonImageTools"/>: checked and copied when the tools are made.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData(-1, 1.0, 120, 100, 2)]
    [InlineData(1, -0.01, 120, 100, 2)]
    [InlineData(1, 1.0, 0, 100, 2)]
    [InlineData(1, 1.0, 120, 0, 2)]
    [InlineData(1, 1.0, 120, 100, 0)]
    public void Out_of_range_options_are_refused(int maxImages, double maxCostUsd, int waitSeconds, int maxPromptLength, int progressSeconds)
    {
        using var client = new FakePhotonClient();
        var options = new PhotonImageToolsOptions
        {
            MaxImages = maxImages,
            MaxCostUsd = (decimal)maxCostUsd,
            WaitTimeout = TimeSpan.FromSeconds(waitSeconds),
            MaxPromptLength = maxPromptLength,
            ProgressInterval = TimeSpan.FromSeconds(progressSeconds),
        };

        var error = Assert.Throws<ArgumentException>(() => new PhotonImageTools(client, options));
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Every_out_of_range_option_is_named_with_its_value_in_one_exception()
    {
        using var client = new FakePhotonClient();
        var options = new PhotonImageToolsOptions { MaxImages = -1, MaxCostUsd = -0.5m, WaitTimeout = TimeSpan.Zero, MaxPromptLength = 0 };

        var error = Assert.Throws<ArgumentException>(() => new PhotonImageTools(client, options));

        Assert.Equal(
            "Invalid PhotonImageToolsOptions: MaxImages must not be negative (was -1); MaxCostUsd must not be negative (was -0.5); " +
            "WaitTimeout must be positive (was 00:00:00); MaxPromptLength must be positive (was 0). (Parameter 'options')",
            error.Message);
    }

    [Fact]
    public void A_missing_clock_is_refused()
    {
        using var client = new FakePhotonClient();

        var error = Assert.Throws<ArgumentNullException>(() => new PhotonImageTools(client, new PhotonImageToolsOptions { TimeProvider = null! }));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void A_missing_client_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new PhotonImageTools(null!));

        Assert.Equal("client", error.ParamName);
    }

    [Fact]
    public async Task Changing_the_options_after_construction_changes_nothing()
    {
        using var client = new FakePhotonClient();
        var options = new PhotonImageToolsOptions { MaxImages = 2, MaxCostUsd = 0.05m, WaitTimeout = TimeSpan.FromSeconds(40), MaxPromptLength = 50 };
        var tools = new PhotonImageTools(client, options);

        options.MaxImages = 0;
        options.MaxCostUsd = 0m;
        options.WaitTimeout = TimeSpan.FromSeconds(1);
        options.MaxPromptLength = 1;
        options.ProgressInterval = TimeSpan.FromMilliseconds(1);

        var first = await tools.GenerateImageAsync("A red fox in fresh snow");
        var second = await tools.GenerateImageAsync("A hare in the snow");
        var third = await tools.GenerateImageAsync("An owl");

        Assert.Equal(ImageToolOutcome.Ready, first.Outcome);
        Assert.Equal(ImageToolOutcome.Ready, second.Outcome);
        Assert.StartsWith("Not generated: the image budget is used up (2 of 2 images).", third.Text, StringComparison.Ordinal);
        Assert.All(client.GenerateCalls, call => Assert.Equal(TimeSpan.FromSeconds(40), call.Options!.WaitTimeout));
        Assert.EndsWith("Budget left: 0 of 2 images and 0.04 of 0.05 USD.\nThe budget is spent: do not call generate_image again; tell the user.", tools.GetImageBudget().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_options_are_the_defaults()
    {
        using var client = new FakePhotonClient();
        var tools = new PhotonImageTools(client, null);
        var defaults = new PhotonImageToolsOptions();

        await tools.GenerateImageAsync("A fox");
        var tooLong = await tools.GenerateImageAsync(new string('x', defaults.MaxPromptLength + 1));

        Assert.Equal(defaults.WaitTimeout, Assert.Single(client.GenerateCalls).Options!.WaitTimeout);
        Assert.Equal(ImageToolOutcome.InvalidArgument, tooLong.Outcome);
        Assert.EndsWith($"Budget left: {defaults.MaxImages - 1} of {defaults.MaxImages} images and 0.995 of 1.00 USD.", tools.GetImageBudget().Text, StringComparison.Ordinal);
    }
}
