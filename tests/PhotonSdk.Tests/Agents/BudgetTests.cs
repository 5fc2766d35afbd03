using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>Each <see cref="PhotonImageTools"/> instance spends at most its budget; past it the tools refuse and send nothing.</summary>
public sealed class BudgetTests
{
    [Fact]
    public async Task The_image_after_the_last_one_allowed_is_refused_and_not_sent()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 2 });

        await harness.GenerateAsync("One");
        await harness.GenerateAsync("Two");
        var third = await harness.Tools.GenerateImageAsync("Three");

        Assert.Equal(2, harness.Client.GenerateCalls.Count);
        Assert.Equal(ImageToolOutcome.OverBudget, third.Outcome);
        Assert.True(third.IsError);
        Assert.Null(third.PredictionId);
        Assert.Equal(
            "Not generated: the image budget is used up (2 of 2 images). Nothing was sent. " +
            "Tell the user that the image budget is exhausted; do not call generate_image again.",
            third.Text);
    }

    [Fact]
    public async Task The_spending_budget_counts_each_models_price()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxCostUsd = 0.02m });

        await harness.GenerateAsync("Final one", "final");
        var secondFinal = await harness.GenerateAsync("Final two", "final");
        var draft = await harness.GenerateAsync("A draft", "draft");

        Assert.Contains("the spending budget is used up (another image costs 0.015 USD; 0.015 of 0.02 USD are spent)", secondFinal, StringComparison.Ordinal);
        Assert.Contains("Image ready", draft, StringComparison.Ordinal);
        Assert.Equal(["luma/photon", "luma/photon-flash"], harness.Client.GenerateCalls.Select(c => c.Options!.Model));
    }

    [Fact]
    public async Task A_modified_image_is_charged_at_the_modify_models_price()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxCostUsd = 0.014m });

        var modified = await harness.Tools.GenerateImageAsync("The same fox at night", inputImageUrl: "https://cdn.example/fox.png");
        var second = await harness.Tools.GenerateImageAsync("The same fox at dawn", inputImageUrl: "https://cdn.example/fox.png");

        Assert.Equal(ImageToolOutcome.Ready, modified.Outcome);
        Assert.Contains("the spending budget is used up (another image costs 0.01 USD; 0.01 of 0.014 USD are spent)", second.Text, StringComparison.Ordinal);
        Assert.Single(harness.Client.GenerateCalls);
    }

    [Fact]
    public async Task A_zero_budget_sends_nothing()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 0 });

        var reply = await harness.GenerateAsync("A beach");

        Assert.StartsWith("Not generated: the image budget is used up (0 of 0 images).", reply, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task A_rate_limited_submit_gives_its_reservation_back()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (call, _) => call.Number == 1
            ? Task.FromException<ImageGenerationResult>(PhotonErrors.RateLimited(TimeSpan.FromSeconds(5)))
            : Task.FromResult(CannedResults.For(call));

        await harness.GenerateAsync("A beach");
        var retry = await harness.GenerateAsync("A beach");

        Assert.Contains("Image ready", retry, StringComparison.Ordinal);
        Assert.Equal(2, harness.Client.GenerateCalls.Count);
    }

    [Fact]
    public async Task A_refused_key_gives_its_reservation_back()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (call, _) => call.Number == 1
            ? Task.FromException<ImageGenerationResult>(PhotonErrors.Unauthorized())
            : Task.FromResult(CannedResults.For(call));

        await harness.GenerateAsync("A beach");
        var retry = await harness.GenerateAsync("A beach");

        Assert.Contains("Image ready", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_argument_the_client_refuses_gives_its_reservation_back()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (call, _) => call.Number == 1
            ? Task.FromException<ImageGenerationResult>(new ArgumentException("The prompt is too long.", "prompt"))
            : Task.FromResult(CannedResults.For(call));

        await harness.GenerateAsync("A beach");
        var retry = await harness.GenerateAsync("A beach");

        Assert.Contains("Image ready", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_argument_takes_nothing_from_the_budget()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });

        await harness.Tools.GenerateImageAsync("A beach", waitSeconds: 0);
        await harness.Tools.GenerateImageAsync("A beach", inputImageUrl: "ftp://cdn.example/a.png");
        await harness.Tools.GenerateImageAsync("A beach", quality: "ultra");
        var valid = await harness.Tools.GenerateImageAsync("A beach");

        Assert.Equal(ImageToolOutcome.Ready, valid.Outcome);
        Assert.Single(harness.Client.GenerateCalls);
    }

    public static TheoryData<string> FailuresAfterAcceptance => ["timeout", "moderation", "server", "uncertain", "rate-limited-wait"];

    [Theory]
    [MemberData(nameof(FailuresAfterAcceptance))]
    public async Task A_prediction_that_may_exist_keeps_its_reservation(string failure)
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        PhotonException error = failure switch
        {
            "timeout" => PhotonErrors.WaitTimeout("pred-001", TimeSpan.FromMinutes(2)),
            "moderation" => PhotonErrors.Moderated("pred-001"),
            "server" => PhotonErrors.ServerFailed("pred-001"),
            "uncertain" => PhotonErrors.Uncertain(),
            _ => PhotonErrors.RateLimited(TimeSpan.FromSeconds(5), "pred-001"),
        };
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(error);

        await harness.GenerateAsync("A beach");
        var next = await harness.GenerateAsync("A beach");

        Assert.StartsWith("Not generated: the image budget is used up (1 of 1 images).", next, StringComparison.Ordinal);
        Assert.Single(harness.Client.GenerateCalls);
    }

    [Fact]
    public async Task A_cancelled_wait_keeps_its_reservation()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (_, token) => Task.FromException<ImageGenerationResult>(
            new PhotonCanceledException("Stopped waiting.", "pred-001", predictionMayExist: true, null, token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.GenerateAsync("A beach"));
        var next = await harness.GenerateAsync("A beach");

        Assert.Contains("budget is used up", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_before_the_submit_left_gives_its_reservation_back()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (call, token) => call.Number == 1
            ? Task.FromException<ImageGenerationResult>(new PhotonCanceledException("Cancelled before sending.", null, predictionMayExist: false, null, token))
            : Task.FromResult(CannedResults.For(call));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.GenerateAsync("A beach"));
        var next = await harness.GenerateAsync("A beach");

        Assert.Contains("Image ready", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cheaper_fallback_is_charged_at_its_own_price()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxCostUsd = 0.02m });
        // The client's fallback policy served the Photon request with Photon Flash.
        harness.Client.OnGenerate = (call, _) => Task.FromResult(call.Number == 1
            ? CannedResults.Url("pred-001", PhotonModels.PhotonFlash)
            : CannedResults.For(call));

        await harness.GenerateAsync("First", "final");
        var second = await harness.GenerateAsync("Second", "final");

        Assert.Contains("Image ready", second, StringComparison.Ordinal);
        Assert.Equal(2, harness.Client.GenerateCalls.Count);
    }

    [Fact]
    public async Task Concurrent_calls_never_overspend()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 3 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.OnGenerate = async (call, _) =>
        {
            await release.Task;
            return CannedResults.For(call);
        };

        var calls = Enumerable.Range(0, 10).Select(i => Task.Run(() => harness.GenerateAsync($"Image {i}"))).ToList();
        var refusals = new List<string>();
        while (refusals.Count < 7)
        {
            var done = await Task.WhenAny(calls);
            calls.Remove(done);
            refusals.Add(await done);
        }

        Assert.All(refusals, reply => Assert.Contains("budget is used up (3 of 3 images)", reply, StringComparison.Ordinal));
        release.SetResult();
        var granted = await Task.WhenAll(calls);
        Assert.All(granted, reply => Assert.Contains("Image ready", reply, StringComparison.Ordinal));
        Assert.Equal(3, harness.Client.GenerateCalls.Count);
    }

    [Fact]
    public async Task Each_instance_has_its_own_budget_and_every_host_of_one_instance_shares_it()
    {
        using var client = new FakePhotonClient();
        var first = new PhotonImageTools(client, new PhotonImageToolsOptions { MaxImages = 1 });
        var second = new PhotonImageTools(client, new PhotonImageToolsOptions { MaxImages = 1 });
        var asFunction = first.AsAIFunctions().Single(f => f.Name == PhotonImageTools.GenerateImageName);

        var byMethod = await first.GenerateImageAsync("A fox");
        var byFunction = await asFunction.InvokeAsync(new Microsoft.Extensions.AI.AIFunctionArguments(new Dictionary<string, object?> { ["prompt"] = "A hare" }));
        var byOther = await second.GenerateImageAsync("An owl");

        Assert.Equal(ImageToolOutcome.Ready, byMethod.Outcome);
        Assert.StartsWith("Not generated: the image budget is used up (1 of 1 images).", Assert.IsType<string>(byFunction), StringComparison.Ordinal);
        Assert.Equal(ImageToolOutcome.Ready, byOther.Outcome);
        Assert.Equal(["A fox", "An owl"], client.GenerateCalls.Select(c => c.Prompt));
    }
}
