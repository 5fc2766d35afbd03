using System.Globalization;
using System.Text;

namespace PhotonSdk.Mcp;

/// <summary>What an MCP server with the Photon tools tells every client when it connects: the models, their prices and the rules.</summary>
internal static class ServerInstructions
{
    public static string For(PhotonMcpOptions options)
    {
        var text = new StringBuilder("Generates images with WaveSpeedAI's Luma Photon models. Prices per image: ");
        text.AppendJoin("; ", PhotonModels.All.Select(model => string.Create(
            CultureInfo.InvariantCulture, $"{model.Id} {model.PricePerImageUsd:0.000} USD{(model.TakesInputImage ? " (modifies an input image)" : "")}")));
        text.Append(". ");
        text.Append("Call generate_image with quality \"draft\" (Photon Flash, fast and cheap) unless the user wants a finished image (\"final\", Photon). ");
        text.Append("Each call is billed. If it answers that the image is still generating, call get_image_result with the prediction id; never call generate_image again for the same image. ");
        text.Append("Show image URLs to the user exactly as returned. ");
        text.Append(CultureInfo.InvariantCulture, $"This server stops after {options.ImageTools.MaxImages} images or {options.ImageTools.MaxCostUsd:0.00} USD; get_image_budget tells what is left.");
        if (options.ResultNote is { } note) text.Append(' ').Append(note);
        return text.ToString();
    }
}
