using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>Semantic Kernel's own automatic function calling (<see cref="FunctionChoiceBehavior.Auto"/>) with the plugin registered.</summary>
public sealed class KernelAutoInvocationTests
{
    [Fact]
    public async Task A_chat_turn_with_auto_function_choice_runs_generate_image()
    {
        using var client = new FakePhotonClient();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox", ["quality"] = "final" }));
        var builder = Kernel.CreateBuilder().AddPhotonImageGeneration(client);
        builder.Services.AddSingleton<IChatClient>(new ChatClientBuilder(model).UseKernelFunctionInvocation().Build());
        var kernel = builder.Build();
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var history = new ChatHistory("You make images for the user.");
        history.AddUserMessage("Draw a fox, final quality.");

        var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService(kernel.Services);
        var answer = await chat.GetChatMessageContentAsync(history, settings, kernel);

        Assert.Equal("luma/photon", Assert.Single(client.GenerateCalls).Options!.Model);
        Assert.Contains(CannedResults.UrlFor("pred-001").ToString(), Assert.Single(model.ToolResults).Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("pred-001", answer.Content, StringComparison.Ordinal);
    }
}
