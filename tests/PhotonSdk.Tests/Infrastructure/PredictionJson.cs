using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>Response bodies shaped as the API reference records them.</summary>
public static class PredictionJson
{
    public const string Id = "6488c2754f6f4dfea924382fa14d11bd";
    public const string OutputUrl = "https://d1q70pf5vjeyhc.cloudfront.net/predictions/6488c2754f6f4dfea924382fa14d11bd/1.png";

    public static string Envelope(string status, string model = "luma/photon-flash", string[]? outputs = null, int code = 0, string error = "",
        string id = Id, int envelopeCode = 200, bool[]? nsfw = null)
    {
        var data = new JsonObject
        {
            ["id"] = id,
            ["model"] = model,
            ["outputs"] = new JsonArray((outputs ?? []).Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
            ["urls"] = new JsonObject { ["get"] = $"https://api.wavespeed.ai/api/v3/predictions/{id}/result" },
            ["has_nsfw_contents"] = new JsonArray((nsfw ?? (outputs ?? []).Select(_ => false).ToArray()).Select(b => (JsonNode)JsonValue.Create(b)).ToArray()),
            ["status"] = status,
            ["created_at"] = "2025-09-29T23:09:43.027Z",
            ["error"] = error,
            ["executionTime"] = status == "completed" ? 2310 : 0,
            ["timings"] = new JsonObject { ["inference"] = status == "completed" ? 1980 : 0 },
            ["code"] = code,
        };
        return new JsonObject { ["code"] = envelopeCode, ["message"] = envelopeCode == 200 ? "success" : "error", ["data"] = data }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public static string Completed(string model = "luma/photon-flash", string output = OutputUrl) => Envelope("completed", model, [output]);

    public static string Error(int code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString();
}
