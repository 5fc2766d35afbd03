using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>get_image_budget tells the prices and what is left, and says when the budget is spent; GetBalanceAsync reads the account.</summary>
public sealed class BudgetReplyTests
{
    private const string Prices =
        "Prices per image: luma/photon-flash 0.005 USD (draft); luma/photon 0.015 USD (final); " +
        "luma/photon-flash-modify 0.01 USD (draft, modifies an input image); luma/photon-modify 0.015 USD (final, modifies an input image).\n";

    [Fact]
    public void A_new_budget_lists_every_price_and_the_whole_budget()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 3, MaxCostUsd = 0.05m });

        var reply = harness.Tools.GetImageBudget();

        Assert.Equal(Prices + "Budget left: 3 of 3 images and 0.05 of 0.05 USD.", reply.Text);
        Assert.Equal(ImageToolOutcome.Information, reply.Outcome);
        Assert.False(reply.IsError);
        Assert.Null(reply.PredictionId);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public void The_default_budget_is_ten_images_and_one_dollar()
    {
        using var harness = new ToolsHarness();

        Assert.EndsWith("Budget left: 10 of 10 images and 1.00 of 1.00 USD.", harness.Tools.GetImageBudget().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_generation_the_budget_shows_what_is_left()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 3, MaxCostUsd = 0.05m });

        await harness.GenerateAsync("A fox", "final");
        var reply = harness.Tools.GetImageBudget();

        Assert.Equal(Prices + "Budget left: 2 of 3 images and 0.035 of 0.05 USD.", reply.Text);
    }

    [Fact]
    public async Task A_refused_generation_leaves_the_budget_as_it_was()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 3, MaxCostUsd = 0.05m });
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.RateLimited(TimeSpan.FromSeconds(3)));

        await harness.GenerateAsync("A fox");

        Assert.EndsWith("Budget left: 3 of 3 images and 0.05 of 0.05 USD.", harness.Tools.GetImageBudget().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_images_are_spent_the_reply_says_to_stop()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1, MaxCostUsd = 0.05m });

        await harness.GenerateAsync("A fox");
        var reply = harness.Tools.GetImageBudget();

        Assert.EndsWith(
            "Budget left: 0 of 1 images and 0.045 of 0.05 USD.\nThe budget is spent: do not call generate_image again; tell the user.",
            reply.Text,
            StringComparison.Ordinal);
        Assert.False(reply.IsError);
    }

    [Fact]
    public async Task When_the_dollars_left_buy_no_image_the_reply_says_to_stop()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 5, MaxCostUsd = 0.019m });

        await harness.GenerateAsync("A fox", "final");
        var reply = harness.Tools.GetImageBudget();

        Assert.EndsWith(
            "Budget left: 4 of 5 images and 0.004 of 0.019 USD.\nThe budget is spent: do not call generate_image again; tell the user.",
            reply.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_cheapest_image_still_fits_there_is_no_spent_line()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 5, MaxCostUsd = 0.02m });

        await harness.GenerateAsync("A fox", "final");
        var reply = harness.Tools.GetImageBudget();

        Assert.EndsWith("Budget left: 4 of 5 images and 0.005 of 0.02 USD.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ImageToolOutcome.Ready, (await harness.Tools.GenerateImageAsync("A draft fox")).Outcome);
    }

    [Fact]
    public async Task The_function_shows_the_model_the_same_text()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        await harness.GenerateAsync("A fox");

        var shown = await harness.InvokeFunctionAsync(PhotonImageTools.GetImageBudgetName, []);

        Assert.Equal(harness.Tools.GetImageBudget().Text, Assert.IsType<string>(shown));
        Assert.Contains("The budget is spent", (string)shown!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_balance_is_read_from_the_account()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGetBalance = _ => Task.FromResult(9.995m);

        var reply = await harness.Tools.GetBalanceAsync();

        Assert.Equal("Account balance: 9.995 USD.", reply.Text);
        Assert.Equal(ImageToolOutcome.Information, reply.Outcome);
        Assert.False(reply.IsError);
        Assert.Equal(1, harness.Client.SentCount);
    }

    [Fact]
    public async Task A_failed_balance_read_is_a_reply_that_does_not_claim_an_image()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGetBalance = _ => Task.FromException<decimal>(
            new PhotonAuthenticationException("Reading the balance failed with HTTP 401: invalid key.") { StatusCode = 401 });

        var reply = await harness.Tools.GetBalanceAsync();

        Assert.Equal("Balance not read: Reading the balance failed with HTTP 401: invalid key.", reply.Text);
        Assert.Equal(ImageToolOutcome.Failed, reply.Outcome);
        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task A_rate_limited_balance_read_says_when_to_try_again()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGetBalance = _ => Task.FromException<decimal>(PhotonErrors.RateLimited(TimeSpan.FromSeconds(4)));

        var reply = await harness.Tools.GetBalanceAsync();

        Assert.Equal("Balance not read: the image service is rate-limited. In 4 seconds, try again.", reply.Text);
        Assert.Equal(ImageToolOutcome.RateLimited, reply.Outcome);
        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task A_cancelled_balance_read_is_not_turned_into_a_reply()
    {
        using var harness = new ToolsHarness();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        harness.Client.OnGetBalance = token => Task.FromCanceled<decimal>(token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Tools.GetBalanceAsync(cancel.Token));
    }
}
