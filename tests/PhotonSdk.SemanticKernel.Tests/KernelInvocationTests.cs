using Microsoft.SemanticKernel;
using PhotonSdk.Agents;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>The plugin's functions invoked by a kernel: the tools' replies, and the calling kernel's filters see each call.</summary>
public sealed class KernelInvocationTests
{
    [Fact]
    public async Task Each_function_answers_with_the_tools_text()
    {
        using var harness = new PluginHarness(new PhotonImageToolsOptions { MaxImages = 1 });

        var generated = await harness.GenerateAsync("A red fox in fresh snow", "final");
        var result = await harness.GetResultAsync("pred-late");
        var budget = await harness.Kernel.InvokeAsync<string>(harness.Plugin[PhotonImageTools.GetImageBudgetName]);
        var refused = await harness.GenerateAsync("A hare");

        Assert.Equal(
            "Image ready: https://cdn.example/predictions/pred-001/0.png\n" +
            "Prediction id: pred-001. Model: luma/photon. Cost: 0.015 USD.\n" +
            "Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.",
            generated);
        Assert.StartsWith("Image ready: https://cdn.example/predictions/pred-late/0.png\n", result, StringComparison.Ordinal);
        Assert.Contains("Budget left: 0 of 1 images and 0.985 of 1.00 USD.\nThe budget is spent", budget, StringComparison.Ordinal);
        Assert.StartsWith("Not generated: the image budget is used up (1 of 1 images).", refused, StringComparison.Ordinal);
        Assert.Equal(["A red fox in fresh snow"], harness.Client.GenerateCalls.Select(c => c.Prompt));
    }

    [Fact]
    public async Task The_calling_kernels_filters_see_the_call()
    {
        using var harness = new PluginHarness();
        var filter = new RecordingFilter();
        harness.Kernel.FunctionInvocationFilters.Add(filter);

        await harness.GenerateAsync("A fox");

        var (plugin, function, result) = Assert.Single(filter.Calls);
        Assert.Equal("photon", plugin);
        Assert.Equal("generate_image", function);
        Assert.StartsWith("Image ready:", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_can_stop_a_generation_before_anything_is_sent()
    {
        using var harness = new PluginHarness();
        harness.Kernel.FunctionInvocationFilters.Add(new RefusingFilter());

        var reply = await harness.GenerateAsync("A fox");

        Assert.Equal("Refused by the application.", reply);
        Assert.Equal(0, harness.Client.SentCount);
    }

    private sealed class RecordingFilter : IFunctionInvocationFilter
    {
        public List<(string? Plugin, string Function, string? Result)> Calls { get; } = [];

        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            await next(context);
            Calls.Add((context.Function.PluginName, context.Function.Name, context.Result.GetValue<string>()));
        }
    }

    private sealed class RefusingFilter : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            context.Result = new FunctionResult(context.Function, "Refused by the application.");
            return Task.CompletedTask;
        }
    }
}
