using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhotonSdk.Emulator.Tests.Support;

/// <summary>Small helpers to send and read JSON without any model types: the tests check the wire, not a client's view of it.</summary>
public static class Json
{
    public static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    public static string StringAt(this JsonNode? node, string name) =>
        node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"No string '{name}' in {node?.ToJsonString()}");

    public static int NumberAt(this JsonNode? node, string name) =>
        node?[name]?.GetValue<int>() ?? throw new InvalidOperationException($"No integer '{name}' in {node?.ToJsonString()}");
}
