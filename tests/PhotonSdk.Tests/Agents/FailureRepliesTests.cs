using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>Each way a call can fail becomes a reply an agent can act on; bad arguments send nothing.</summary>
public sealed class FailureRepliesTests
{
    /// <summary>Each way the client can fail, the call the agent made, and what the reply must say.</summary>
    public static IReadOnlyList<FailureCase> Failures { get; } =
    [
        WhileGenerating(
            "content moderation asks for a rephrased prompt",
            () => PhotonErrors.Moderated("pred-mod"),
            ImageToolOutcome.Moderated,
            "pred-mod",
            reply =>
            {
                Assert.StartsWith("Not generated: content moderation refused the prompt (prediction pred-mod).", reply, StringComparison.Ordinal);
                Assert.Contains("Rephrase the prompt", reply, StringComparison.Ordinal);
            },
            prompt: "Something the filter refuses"),
        WhileGenerating(
            "rate limiting says when to try again",
            () => PhotonErrors.RateLimited(TimeSpan.FromSeconds(12.2)),
            ImageToolOutcome.RateLimited,
            null,
            reply => Assert.Equal("Not generated: the image service is rate-limited and created nothing. In 13 seconds, try again.", reply)),
        WhileGenerating(
            "rate limiting without a retry time suggests a minute",
            () => PhotonErrors.RateLimited(retryAfter: null),
            ImageToolOutcome.RateLimited,
            null,
            reply => Assert.Contains("In about a minute, try again.", reply, StringComparison.Ordinal)),
        WhileGenerating(
            "rate limiting while waiting points to get_image_result",
            () => PhotonErrors.RateLimited(TimeSpan.FromSeconds(20), "pred-busy"),
            ImageToolOutcome.StillRunning,
            "pred-busy",
            reply =>
            {
                Assert.Contains("prediction pred-busy was accepted", reply, StringComparison.Ordinal);
                Assert.Contains("In 20 seconds, call get_image_result with prediction_id \"pred-busy\"", reply, StringComparison.Ordinal);
            }),
        WhileGenerating(
            "a wait timeout gives the id and points to get_image_result",
            () => PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromMinutes(2)),
            ImageToolOutcome.StillRunning,
            "pred-slow",
            reply => Assert.Equal(
                "Still generating: prediction pred-slow was not finished after 2 minutes; it keeps running. " +
                "Call get_image_result with prediction_id \"pred-slow\" to get the image. Do not call generate_image again for it.",
                reply)),
        WhileGenerating(
            "a short wait timeout is told in seconds",
            () => PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromSeconds(30)),
            ImageToolOutcome.StillRunning,
            "pred-slow",
            reply => Assert.StartsWith("Still generating: prediction pred-slow was not finished after 30 seconds; it keeps running.", reply, StringComparison.Ordinal)),
        WhileGenerating(
            "a one-second wait timeout is told in the singular",
            () => PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromSeconds(1.2)),
            ImageToolOutcome.StillRunning,
            "pred-slow",
            reply => Assert.StartsWith("Still generating: prediction pred-slow was not finished after 1 second; it keeps running.", reply, StringComparison.Ordinal)),
        WhileGenerating(
            "rate limiting for under a second says one second",
            () => PhotonErrors.RateLimited(TimeSpan.FromSeconds(0.3)),
            ImageToolOutcome.RateLimited,
            null,
            reply => Assert.Equal("Not generated: the image service is rate-limited and created nothing. In 1 second, try again.", reply)),
        WhileGettingTheResult(
            "get_image_result after another timeout points to itself again",
            "pred-slow",
            id => PhotonErrors.WaitTimeout(id, TimeSpan.FromMinutes(3)),
            ImageToolOutcome.StillRunning,
            reply =>
            {
                Assert.Contains("not finished after 3 minutes", reply, StringComparison.Ordinal);
                Assert.Contains("call get_image_result with prediction_id \"pred-slow\"", reply, StringComparison.OrdinalIgnoreCase);
            }),
        WhileGettingTheResult(
            "an unknown prediction id is reported",
            "pred-gone",
            PhotonErrors.NotFound,
            ImageToolOutcome.NotFound,
            reply => Assert.Equal("No image: there is no prediction \"pred-gone\" (predictions are kept for 7 days). Check the id.", reply)),
        WhileGettingTheResult(
            "a prediction that failed on the server is reported with its id",
            "pred-500",
            PhotonErrors.ServerFailed,
            ImageToolOutcome.Failed,
            reply => Assert.StartsWith("Not generated: Prediction pred-500 failed on the server", reply, StringComparison.Ordinal)),
        WhileGenerating(
            "a server failure is short and names the prediction",
            () => PhotonErrors.ServerFailed("pred-500"),
            ImageToolOutcome.Failed,
            "pred-500",
            reply =>
            {
                Assert.StartsWith("Not generated: Prediction pred-500 failed on the server", reply, StringComparison.Ordinal);
                Assert.Contains("Submitting again usually works", reply, StringComparison.Ordinal);
            }),
        WhileGenerating(
            "a failure whose message lacks the id gets it added",
            () => new PhotonServerException("The image service failed (task code 5000).") { PredictionId = "pred-quiet", TaskCode = 5000 },
            ImageToolOutcome.Failed,
            "pred-quiet",
            reply => Assert.Equal("Not generated (prediction pred-quiet): The image service failed (task code 5000).", reply)),
        WhileGenerating(
            "a long failure message is cut",
            () => new PhotonServerException(new string('x', 400)) { StatusCode = 500 },
            ImageToolOutcome.Failed,
            null,
            reply => Assert.Equal($"Not generated: {new string('x', 300)}….", reply)),
        WhileGenerating(
            "a refused key is reported without the key",
            PhotonErrors.Unauthorized,
            ImageToolOutcome.Failed,
            null,
            reply =>
            {
                Assert.StartsWith("Not generated: Submitting to luma/photon-flash failed with HTTP 401", reply, StringComparison.Ordinal);
                Assert.DoesNotContain("test-key", reply, StringComparison.Ordinal);
            }),
        WhileGenerating(
            "an uncertain submit warns against submitting again",
            PhotonErrors.Uncertain,
            ImageToolOutcome.Uncertain,
            null,
            reply =>
            {
                Assert.StartsWith("Unknown outcome:", reply, StringComparison.Ordinal);
                Assert.Contains("Do not call generate_image again right away", reply, StringComparison.Ordinal);
            }),
        WhileGenerating(
            "an argument the client refuses is reported without the parameter suffix",
            () => new ArgumentException("The prompt is 300 characters long; at most 200 are accepted.", "prompt"),
            ImageToolOutcome.InvalidArgument,
            null,
            reply => Assert.Equal(
                "Not generated: The prompt is 300 characters long; at most 200 are accepted. Nothing was sent; correct the arguments and call the function again.",
                reply)),
    ];

    public static TheoryData<string> FailureNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var failure in Failures) names.Add(failure.Name);
            return names;
        }
    }

    [Theory]
    [MemberData(nameof(FailureNames))]
    public async Task A_failure_becomes_a_reply_an_agent_can_act_on(string failure)
    {
        var row = Failures.Single(f => f.Name == failure);
        using var harness = new ToolsHarness();

        var reply = await row.Call(harness);

        row.Check(reply.Text);
        Assert.Equal(row.Outcome, reply.Outcome);
        // Every failure, an image still generating included, is an error the model must act on.
        Assert.True(reply.IsError);
        Assert.Equal(row.PredictionId, reply.PredictionId);
        Assert.Null(reply.Result);
    }

    [Theory]
    [MemberData(nameof(FailureNames))]
    public async Task A_model_is_shown_the_same_text_as_the_reply(string failure)
    {
        var row = Failures.Single(f => f.Name == failure);
        using var harness = new ToolsHarness();
        var expected = (await row.Call(harness)).Text;

        using var viaFunction = new ToolsHarness();
        row.Arrange(viaFunction);
        var shown = await viaFunction.InvokeFunctionAsync(row.Function, row.Arguments);

        Assert.Equal(expected, Assert.IsType<string>(shown));
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
        using var harness = new ToolsHarness();

        var reply = await harness.Tools.GenerateImageAsync(prompt, quality);

        Assert.Equal($"Not generated: {problem}. Nothing was sent; correct the arguments and call the function again.", reply.Text);
        Assert.Equal(ImageToolOutcome.InvalidArgument, reply.Outcome);
        Assert.True(reply.IsError);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task The_prompt_bound_is_configurable()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxPromptLength = 10 });

        var reply = await harness.GenerateAsync("A beach at noon");

        Assert.Contains("at most 10 are accepted", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_prediction_id_sends_nothing(string predictionId)
    {
        using var harness = new ToolsHarness();

        var reply = await harness.Tools.GetImageResultAsync(predictionId);

        Assert.StartsWith("Not generated: prediction_id is empty; pass the id that generate_image returned.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ImageToolOutcome.InvalidArgument, reply.Outcome);
        Assert.Equal(0, harness.Client.SentCount);
        Assert.Empty(harness.Client.Waits);
    }

    [Fact]
    public async Task A_malformed_prediction_id_sends_nothing()
    {
        using var harness = new ToolsHarness();

        var reply = await harness.GetResultAsync("not an/id");

        Assert.StartsWith("Not generated: 'not an/id' is not a prediction id.", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    private static FailureCase WhileGenerating(
        string name, Func<Exception> failure, ImageToolOutcome outcome, string? predictionId, Action<string> check, string prompt = "A beach") =>
        new(
            name,
            harness => harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(failure()),
            harness => harness.Tools.GenerateImageAsync(prompt),
            PhotonImageTools.GenerateImageName,
            new Dictionary<string, object?> { ["prompt"] = prompt },
            outcome,
            predictionId,
            check);

    private static FailureCase WhileGettingTheResult(
        string name, string predictionId, Func<string, Exception> failure, ImageToolOutcome outcome, Action<string> check) =>
        new(
            name,
            harness => harness.Client.OnWait = (handle, _, _) => Task.FromException<ImageGenerationResult>(failure(handle.Id)),
            harness => harness.Tools.GetImageResultAsync(predictionId),
            PhotonImageTools.GetImageResultName,
            new Dictionary<string, object?> { ["prediction_id"] = predictionId },
            outcome,
            predictionId,
            check);

    /// <summary>
    /// A failure the fake client raises (set up by <see cref="Arrange"/>), the call the agent made as a method
    /// (<see cref="Act"/>) and as a function (<see cref="Function"/> with <see cref="Arguments"/>), and what the reply must be.
    /// </summary>
    public sealed record FailureCase(
        string Name,
        Action<ToolsHarness> Arrange,
        Func<ToolsHarness, Task<ImageToolReply>> Act,
        string Function,
        Dictionary<string, object?> Arguments,
        ImageToolOutcome Outcome,
        string? PredictionId,
        Action<string> Check)
    {
        public Task<ImageToolReply> Call(ToolsHarness harness)
        {
            Arrange(harness);
            return Act(harness);
        }

        public override string ToString() => Name;
    }
}
