// An Agent Framework agent that draws and asks before it spends: generate_image needs the user's approval
// (AsAIFunctions(approveGeneration: true)); this sample approves automatically and prints what it was asked.
// Offline by default: the WaveSpeed emulator runs in-process and a SCRIPTED stand-in plays the LLM. With
// WAVESPEED_API_KEY set, the image comes from the real WaveSpeed API (and is billed).
//
//   dotnet run --project samples/PhotonSdk.Samples.AgentFramework [-- "your request"]

using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using PhotonSdk;
using PhotonSdk.Agents;
using PhotonSdk.Emulator;
using PhotonSdk.Samples.Agent;
using PhotonSdk.Samples.Snippets;

var request = args.Length > 0 ? args[0] : "A lighthouse on a cliff at dusk, waves below, warm light in the window. Make it a final image.";

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

IChatClient model = new ScriptedModel();
var tools = new PhotonImageTools(photon, new PhotonImageToolsOptions { MaxImages = 3, MaxCostUsd = 0.10m });

AIAgent agent = model.AsAIAgent(
    instructions: "You make images with generate_image and show its URL exactly as given.",
    tools: [.. tools.AsAIFunctions(approveGeneration: true)]);   // generate_image asks first; the other tools do not

AgentSession session = await agent.CreateSessionAsync();
AgentResponse response = await agent.RunAsync(request, session);
while (response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().ToList() is { Count: > 0 } requests)
{
    var answers = requests.ConvertAll(approval => new ChatMessage(ChatRole.User, [approval.CreateResponse(approved: Approve(approval))]));
    response = await agent.RunAsync(answers, session);
}

Console.WriteLine($"agent    > {response.Text}");
Console.WriteLine();
Console.WriteLine(tools.GetImageBudget().Text);
var madeAnImage = response.Text.Contains("://", StringComparison.Ordinal);

if (emulator is not null)
{
    // The same tools without an agent framework (a README snippet), offline only so that the real API bills one image.
    Console.WriteLine();
    Console.WriteLine("== the tools as methods, with progress");
    await AgentToolSnippets.CallTheToolsDirectlyAsync(photon);
}

return madeAnImage ? 0 : 1;

// Where a real application asks its user; the sample says what is asked and approves it.
static bool Approve(ToolApprovalRequestContent approval)
{
    var call = (FunctionCallContent)approval.ToolCall;
    var arguments = string.Join(", ", (call.Arguments ?? new Dictionary<string, object?>()).Select(argument => $"{argument.Key}: \"{argument.Value}\""));
    Console.WriteLine($"approval ? {call.Name}({arguments})");
    Console.WriteLine("approval > approved (automatically, in this sample)");
    return true;
}
