// An agent that draws: Semantic Kernel calls the Photon plugin's generate_image on its own (FunctionChoiceBehavior.Auto).
// Offline by default: the WaveSpeed emulator runs in-process and a scripted stand-in plays the LLM. With
// WAVESPEED_API_KEY set, the images come from the real WaveSpeed API (and are billed).
//
//   dotnet run --project samples/PhotonSdk.Samples.Agent [-- "your request" [output-directory]]

using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PhotonSdk.Agents;
using PhotonSdk;
using PhotonSdk.Emulator;
using PhotonSdk.Samples.Agent;
using PhotonSdk.SemanticKernel;

var request = args.Length > 0 ? args[0] : "A lighthouse on a cliff at dusk, waves below, warm light in the window. Make it a final image.";
var outputDirectory = Path.GetFullPath(args.Length > 1 ? args[1] : "agent-output");

await using var emulator = Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable) is { Length: > 0 }
    ? null
    : await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.2 });
var clientOptions = emulator is null
    ? new PhotonClientOptions()
    : new PhotonClientOptions { ApiKey = "emulator-key", BaseUrl = emulator.BaseUrl, Polling = new PollingOptions { FirstDelay = TimeSpan.FromMilliseconds(200), UseTypicalDurations = false } };
using var photon = new PhotonClient(clientOptions);

Console.WriteLine(emulator is null
    ? $"Images: the WaveSpeed API at {photon.ApiRoot} (billed)."
    : $"Images: the WaveSpeed emulator at {emulator.BaseUrl} (offline; set {PhotonClientOptions.ApiKeyEnvironmentVariable} for the real API).");
Console.WriteLine("Model: a SCRIPTED STAND-IN for an LLM that always asks for generate_image; swap in a real chat client.");
Console.WriteLine();

var builder = Kernel.CreateBuilder();
builder.AddPhotonImageGeneration(photon, new PhotonImageToolsOptions { MaxImages = 3, MaxCostUsd = 0.10m });
builder.Services.AddSingleton<IChatClient>(new ChatClientBuilder(new ScriptedModel()).UseKernelFunctionInvocation().Build());
var kernel = builder.Build();

var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService(kernel.Services);
var history = new ChatHistory("You make images for the user with the generate_image tool and show its URL exactly as given.");
history.AddUserMessage(request);
var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

var shownSoFar = history.Count - 1;
var answer = await chat.GetChatMessageContentAsync(history, settings, kernel);
if (!history.Contains(answer)) history.Add(answer);

foreach (var message in history.Skip(shownSoFar))
{
    foreach (var item in message.Items)
    {
        switch (item)
        {
            case Microsoft.SemanticKernel.TextContent text when !string.IsNullOrWhiteSpace(text.Text):
                Print(message.Role.Label, ">", text.Text);
                break;
            case Microsoft.SemanticKernel.FunctionCallContent call:
                var arguments = (call.Arguments ?? []).Select(argument => $"{argument.Key}: \"{argument.Value}\"");
                Print(message.Role.Label, ">", $"calls {call.FunctionName}({string.Join(", ", arguments)})");
                break;
            case Microsoft.SemanticKernel.FunctionResultContent result:
                Print("tool", "<", ScriptedModel.ResultText(result.Result));
                break;
        }
    }
}

// The tool's answer carries the prediction id; the application (not the model) fetches the result and saves the file.
var toolText = string.Join("\n", history.SelectMany(m => m.Items).OfType<Microsoft.SemanticKernel.FunctionResultContent>().Select(r => ScriptedModel.ResultText(r.Result)));
if (ScriptedModel.PredictionId().Match(toolText) is { Success: true } id)
{
    var result = await photon.GetPrediction(id.Groups["id"].Value).WaitForCompletionAsync();
    var path = await photon.SaveAsync(result, outputDirectory + Path.DirectorySeparatorChar);
    Console.WriteLine();
    Console.WriteLine($"Saved the image to {path}");
}
else
{
    Console.WriteLine();
    Console.WriteLine("No image was made.");
    return 1;
}

return 0;

static void Print(string who, string arrow, string text)
{
    var lines = text.Split('\n');
    Console.WriteLine($"{who,-9} {arrow} {lines[0]}");
    foreach (var line in lines.Skip(1)) Console.WriteLine($"{"",-9}   {line}");
}
