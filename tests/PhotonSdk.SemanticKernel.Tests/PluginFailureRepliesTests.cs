using PhotonSdk.SemanticKernel.Tests.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>Each way a call can fail becomes text an agent can act on; bad arguments send nothing.</summary>
public sealed class PluginFailureRepliesTests
{
    [Fact]
    public async Task Content_moderation_asks_for_a_rephrased_prompt()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.Moderated("pred-mod"));

        var reply = await harness.GenerateAsync("Something the filter refuses");

        Assert.StartsWith("Not generated: content moderation refused the prompt (prediction pred-mod).", reply, StringComparison.Ordinal);
        Assert.Contains("Rephrase the prompt", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_says_when_to_try_again()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.RateLimited(TimeSpan.FromSeconds(12.2)));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Equal("Not generated: the image service is rate-limited and created nothing. In 13 seconds, try again.", reply);
    }

    [Fact]
    public async Task Rate_limiting_without_a_retry_time_suggests_a_minute()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.RateLimited(retryAfter: null));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Contains("In about a minute, try again.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_while_waiting_points_to_get_image_result()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.RateLimited(TimeSpan.FromSeconds(20), "pred-busy"));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Contains("prediction pred-busy was accepted", reply, StringComparison.Ordinal);
        Assert.Contains("In 20 seconds, call get_image_result with prediction_id \"pred-busy\"", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_timeout_gives_the_id_and_points_to_get_image_result()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromMinutes(2)));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Equal(
            "Still generating: prediction pred-slow was not finished after 2 minutes; it keeps running. " +
            "Call get_image_result with prediction_id \"pred-slow\" to get the image. Do not call generate_image again for it.",
            reply);
    }

    [Fact]
    public async Task Get_image_result_after_another_timeout_points_to_itself_again()
    {
        using var harness = new PluginHarness();
        harness.Client.OnWait = (handle, _, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.WaitTimeout(handle.Id, TimeSpan.FromMinutes(3)));

        var reply = await harness.GetResultAsync("pred-slow");

        Assert.Contains("not finished after 3 minutes", reply, StringComparison.Ordinal);
        Assert.Contains("call get_image_result with prediction_id \"pred-slow\"", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_prediction_id_is_reported()
    {
        using var harness = new PluginHarness();
        harness.Client.OnWait = (handle, _, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.NotFound(handle.Id));

        var reply = await harness.GetResultAsync("pred-gone");

        Assert.Equal("No image: there is no prediction \"pred-gone\" (predictions are kept for 7 days). Check the id.", reply);
    }

    [Fact]
    public async Task A_server_failure_is_short_and_names_the_prediction()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.ServerFailed("pred-500"));

        var reply = await harness.GenerateAsync("A beach");

        Assert.StartsWith("Not generated: Prediction pred-500 failed on the server", reply, StringComparison.Ordinal);
        Assert.Contains("Submitting again usually works", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_is_reported_without_the_key()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.Unauthorized());

        var reply = await harness.GenerateAsync("A beach");

        Assert.StartsWith("Not generated: Submitting to luma/photon-flash failed with HTTP 401", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uncertain_submit_warns_against_submitting_again()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.Uncertain());

        var reply = await harness.GenerateAsync("A beach");

        Assert.StartsWith("Unknown outcome:", reply, StringComparison.Ordinal);
        Assert.Contains("Do not call generate_image again right away", reply, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> InvalidGenerateArguments => new()
    {
        { "", null, "the prompt is empty; describe the image to generate" },
        { "   \n\t", null, "the prompt is empty; describe the image to generate" },
        { new string('x', 10_001), null, "the prompt is 10001 characters long and at most 10000 are accepted; shorten it" },
        { "A beach", "ultra", "quality \"ultra\" is not known; use \"draft\" or \"final\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidGenerateArguments))]
    public async Task Invalid_arguments_say_what_is_wrong_and_send_nothing(string prompt, string? quality, string problem)
    {
        using var harness = new PluginHarness();

        var reply = await harness.GenerateAsync(prompt, quality);

        Assert.Equal($"Not generated: {problem}. Nothing was sent; correct the arguments and call the function again.", reply);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task The_prompt_bound_is_configurable()
    {
        using var harness = new PluginHarness(new PhotonImagePluginOptions { MaxPromptLength = 10 });

        var reply = await harness.GenerateAsync("A beach at noon");

        Assert.Contains("at most 10 are accepted", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task An_argument_the_client_refuses_is_reported_without_the_parameter_suffix()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(
            new ArgumentException("The prompt is 300 characters long; at most 200 are accepted.", "prompt"));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Equal(
            "Not generated: The prompt is 300 characters long; at most 200 are accepted. Nothing was sent; correct the arguments and call the function again.",
            reply);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_prediction_id_sends_nothing(string predictionId)
    {
        using var harness = new PluginHarness();

        var reply = await harness.GetResultAsync(predictionId);

        Assert.StartsWith("Not generated: prediction_id is empty; pass the id that generate_image returned.", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
        Assert.Empty(harness.Client.Waits);
    }

    [Fact]
    public async Task A_malformed_prediction_id_sends_nothing()
    {
        using var harness = new PluginHarness();

        var reply = await harness.GetResultAsync("not an/id");

        Assert.StartsWith("Not generated: 'not an/id' is not a prediction id.", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }
}
