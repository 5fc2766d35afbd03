using PhotonSdk.Agents;

namespace PhotonSdk.Samples.Snippets;

/// <summary>
/// A README snippet for a host that wraps the image tools its own way. Also compiled into, and run by,
/// samples/PhotonSdk.Samples.AgentFramework.
/// </summary>
internal static class AgentToolSnippets
{
    /// <summary>The image tools called as methods: the reply, its outcome, the result for the host, progress and the budget.</summary>
    public static async Task<string> CallTheToolsDirectlyAsync(IPhotonClient photon)
    {
        var tools = new PhotonImageTools(photon, new PhotonImageToolsOptions { MaxImages = 1 });

        ImageToolReply reply = await tools.GenerateImageAsync(
            "A red fox in fresh snow", quality: "draft", waitSeconds: 60,
            progress: new Progress<ImageToolProgress>(report => Console.WriteLine(report.Message)));
        if (reply.Outcome == ImageToolOutcome.Ready) Console.WriteLine(reply.Result!.Image.Url);   // reply.Text is what a model reads
        Console.WriteLine(tools.GetImageBudget().Text);   // prices, and "Budget left: 0 of 1 images ..."
        return reply.Text;
    }
}
