using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace PhotonSdk.Samples.Agent;

/// <summary>
/// A STAND-IN FOR AN LLM, so that the sample runs offline and the same way every time. To a user's message it answers
/// with a call to <c>generate_image</c> (the user's words as the prompt, "final" quality when the user says so); to the
/// tool's result it answers with the image URL, copied exactly as the tool asked, and the cost, or with what the tool
/// said went wrong. Replace it with a real chat client (OpenAI, Azure OpenAI, Ollama ...).
/// </summary>
internal sealed partial class ScriptedModel : IChatClient
{
    private int _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var last = messages.Last();
        if (last.Role == ChatRole.Tool)
        {
            var toolText = string.Join("\n", last.Contents.OfType<FunctionResultContent>().Select(r => ResultText(r.Result)));
            var url = ImageUrl().Match(toolText);
            var cost = Cost().Match(toolText);
            var answer = url.Success
                ? $"Here is your image: {url.Groups["url"].Value} ({cost.Value})"
                : $"I could not make the image. The image tool said: {toolText}";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        var tool = options?.Tools?.OfType<AIFunctionDeclaration>().FirstOrDefault(t => t.Name.EndsWith("generate_image", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The scripted model needs the generate_image tool.");
        var request = last.Text;
        var quality = request.Contains("final", StringComparison.OrdinalIgnoreCase) ? "final" : "draft";
        var call = new FunctionCallContent($"call_{++_calls}", tool.Name, new Dictionary<string, object?> { ["prompt"] = request, ["quality"] = quality });
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    internal static string ResultText(object? result) => result switch
    {
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? "",
        _ => result?.ToString() ?? "",
    };

    [GeneratedRegex(@"^Image ready: (?<url>https?://\S+)$", RegexOptions.Multiline)]
    internal static partial Regex ImageUrl();

    [GeneratedRegex(@"Cost: [^\n]*")]
    private static partial Regex Cost();

    [GeneratedRegex(@"Prediction id: (?<id>[^\s.]+)\.")]
    internal static partial Regex PredictionId();
}
