using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.AgentHosts.Tests.Infrastructure;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.AgentHosts.Tests.Hosts;

/// <summary>
/// generate_image behind an approval (<c>AsAIFunctions(approveGeneration: true)</c>) in an Agent Framework agent: the
/// agent's answer is a <see cref="ToolApprovalRequestContent"/> and nothing is sent until the user answers it with
/// <see cref="ToolApprovalRequestContent.CreateResponse"/> in the next run of the same session.
/// </summary>
public sealed class AgentFrameworkApprovalTests : IAsyncLifetime
{
    private EmulatedPhoton? _photon;

    private EmulatedPhoton Photon => _photon!;

    public async Task InitializeAsync() => _photon = await EmulatedPhoton.StartAsync();

    public async Task DisposeAsync()
    {
        if (_photon is not null) await _photon.DisposeAsync();
    }

    public static TheoryData<string> Agents => ["AsAIAgent", "ChatClientAgent"];

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task The_agent_asks_before_generating_and_sends_nothing(string kind)
    {
        var (agent, model) = CreateAgent(kind);
        var session = await agent.CreateSessionAsync();

        var response = await agent.RunAsync("Draw a red fox in fresh snow.", session);

        var request = Assert.Single(ApprovalRequests(response));
        var call = Assert.IsType<FunctionCallContent>(request.ToolCall);
        Assert.Equal("generate_image", call.Name);
        Assert.Equal("A red fox in fresh snow", call.Arguments!["prompt"]?.ToString());
        Assert.Empty(await Photon.PredictionsAsync());
        Assert.Empty(model.ToolResults);
        Assert.DoesNotContain("Image ready", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task Approved_the_image_is_made_once_and_reaches_the_user(string kind)
    {
        var (agent, _) = CreateAgent(kind);
        var session = await agent.CreateSessionAsync();
        var asked = await agent.RunAsync("Draw a red fox in fresh snow.", session);
        var request = Assert.Single(ApprovalRequests(asked));

        var response = await agent.RunAsync(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]), session);

        Assert.Empty(ApprovalRequests(response));
        var prediction = await Photon.SinglePredictionAsync();
        Assert.Equal(PredictionStatus.Completed, prediction.Status);
        await Photon.AssertServesPngAsync(EmulatedPhoton.ImageUrlIn(response.Text));
        Assert.Contains($"Prediction id: {prediction.Id}. Model: luma/photon-flash. Cost: 0.005 USD.", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task Rejected_nothing_is_sent_and_the_model_is_told(string kind)
    {
        var (agent, model) = CreateAgent(kind);
        var session = await agent.CreateSessionAsync();
        var asked = await agent.RunAsync("Draw a red fox in fresh snow.", session);
        var request = Assert.Single(ApprovalRequests(asked));

        var response = await agent.RunAsync(
            new ChatMessage(ChatRole.User, [request.CreateResponse(approved: false, reason: "Not today.")]), session);

        Assert.Empty(await Photon.PredictionsAsync());
        var told = Assert.Single(model.ToolResults);
        Assert.Equal(((FunctionCallContent)request.ToolCall).CallId, told.CallId);
        // M.E.AI's FunctionInvokingChatClient words the refusal; the reason the user gave is passed on.
        Assert.Equal("Tool call invocation was rejected by the approver and must not be retried. Not today.", told.Result?.ToString());
        Assert.Equal("Tool answered: Tool call invocation was rejected by the approver and must not be retried. Not today.", response.Text);
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task Only_generate_image_needs_approval(string kind)
    {
        var model = new ScriptedChatClient(new ScriptedCall("get_image_budget", new Dictionary<string, object?>()));
        var (agent, _) = CreateAgent(kind, model);

        var response = await agent.RunAsync("What can I still spend?");

        Assert.Empty(ApprovalRequests(response));
        Assert.Contains("Budget left: 10 of 10 images and 1.00 of 1.00 USD.", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task An_approved_call_still_counts_against_the_budget(string kind)
    {
        var model = new ScriptedChatClient(
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A red fox" }),
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A white hare" }));
        var (agent, _) = CreateAgent(kind, model, new PhotonImageToolsOptions { MaxImages = 1 });
        var session = await agent.CreateSessionAsync();

        var first = await ApproveAllAsync(agent, session, await agent.RunAsync("Draw a fox.", session));
        var second = await ApproveAllAsync(agent, session, await agent.RunAsync("Now a hare.", session));

        EmulatedPhoton.ImageUrlIn(first.Text);
        Assert.Contains("Not generated: the image budget is used up (1 of 1 images). Nothing was sent.", second.Text, StringComparison.Ordinal);
        Assert.Single(await Photon.PredictionsAsync());
    }

    private (AIAgent Agent, ScriptedChatClient Model) CreateAgent(string kind, ScriptedChatClient? model = null, PhotonImageToolsOptions? options = null)
    {
        model ??= new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A red fox in fresh snow" }));
        var tools = new PhotonImageTools(Photon.Client, options);
        IList<AITool> functions = [.. tools.AsAIFunctions(approveGeneration: true)];
        AIAgent agent = kind == "AsAIAgent"
            ? model.AsAIAgent(Instructions.Text, tools: functions)
            : new ChatClientAgent(model, Instructions.Text, "illustrator", "Makes images.", functions);
        return (agent, model);
    }

    private static List<ToolApprovalRequestContent> ApprovalRequests(AgentResponse response) =>
        response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().ToList();

    private static async Task<AgentResponse> ApproveAllAsync(AIAgent agent, AgentSession session, AgentResponse response)
    {
        while (ApprovalRequests(response) is { Count: > 0 } requests)
        {
            response = await agent.RunAsync(
                requests.Select(request => new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)])).ToList(), session);
        }

        return response;
    }
}
