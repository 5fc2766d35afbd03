using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace PhotonSdk.Mcp.Tests;

/// <summary>Every failure is a tool error (<c>isError</c>) whose text says what to do; invalid input and a spent budget send nothing.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_moderated_prompt_is_a_tool_error_that_says_rephrase()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(emulator => emulator.Faults.ModerationWords.Add("forbidden"));

        var result = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A forbidden scene" });

        Assert.True(result.IsError);
        Assert.Contains("content moderation refused the prompt", Text(result), StringComparison.Ordinal);
        Assert.Contains("Rephrase the prompt", Text(result), StringComparison.Ordinal);
        Assert.Empty(result.Content.OfType<ResourceLinkBlock>());
    }

    [Fact]
    public async Task A_rate_limited_service_is_a_tool_error_that_says_when_and_nothing_is_made()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(emulator => emulator.Faults.RateLimitedRate = 1);

        var result = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox" });

        Assert.True(result.IsError);
        Assert.Equal("Not generated: the image service is rate-limited and created nothing. In 1 second, try again.", Text(result));
        Assert.Equal(0, photon.Emulator!.PredictionsCreated);
    }

    [Fact]
    public async Task A_blank_prompt_is_a_tool_error_and_sends_nothing()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var result = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "   " });

        Assert.True(result.IsError);
        Assert.Equal("Not generated: the prompt is empty; describe the image to generate. Nothing was sent; correct the arguments and call the function again.", Text(result));
        Assert.Equal(0, await photon.PredictionsSubmittedAsync());
    }

    [Fact]
    public async Task An_argument_of_the_wrong_type_is_named_and_sends_nothing()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var result = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox", ["wait_seconds"] = "soon" });

        Assert.True(result.IsError);
        Assert.Contains("wait_seconds must be a whole number (was \"soon\")", Text(result), StringComparison.Ordinal);
        Assert.Equal(0, await photon.PredictionsSubmittedAsync());
    }

    [Fact]
    public async Task When_the_budget_is_spent_the_next_call_is_refused_and_sends_nothing()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(arguments: ["--max-images", "1"]);

        var first = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox" });
        var second = await photon.Client.CallToolAsync("generate_image", new Dictionary<string, object?> { ["prompt"] = "A hare" });
        var budget = await photon.Client.CallToolAsync("get_image_budget", new Dictionary<string, object?>());

        Assert.False(first.IsError);
        Assert.True(second.IsError);
        Assert.Contains("the image budget is used up (1 of 1 images)", Text(second), StringComparison.Ordinal);
        Assert.Contains("do not call generate_image again", Text(second), StringComparison.Ordinal);
        Assert.Contains("Budget left: 0 of 1 images", Text(budget), StringComparison.Ordinal);
        Assert.Equal(1, await photon.PredictionsSubmittedAsync());
    }

    [Fact]
    public async Task An_unknown_prediction_id_says_so()
    {
        await using var photon = await PhotonMcpProcess.StartAsync();

        var result = await photon.Client.CallToolAsync("get_image_result", new Dictionary<string, object?> { ["prediction_id"] = "no-such-id" });

        Assert.True(result.IsError);
        Assert.Contains("there is no prediction \"no-such-id\"", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_balance_is_read_from_the_account()
    {
        await using var photon = await PhotonMcpProcess.StartAsync(emulator => emulator.InitialBalance = 4.25m);

        var result = await photon.Client.CallToolAsync("get_balance", new Dictionary<string, object?>());

        Assert.False(result.IsError);
        Assert.Equal("Account balance: 4.25 USD.", Text(result));
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(result.Content[0]).Text;
}
