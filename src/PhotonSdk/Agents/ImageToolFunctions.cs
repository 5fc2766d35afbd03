using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace PhotonSdk.Agents;

/// <summary>
/// The image tools as a model sees them: names, descriptions and parameters, the same in every host (Microsoft.Extensions.AI
/// functions here; the Semantic Kernel plugin and the MCP server take the texts from here too).
/// </summary>
[SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the ones the model sees in the tools' schemas.")]
internal static class ImageToolFunctions
{
    public const string GenerateImageDescription =
        "Generates one image from a text description with Luma Photon and returns its URL, prediction id, model and cost. " +
        "It can take a minute or two; if it is not finished in time, the answer gives a prediction id for get_image_result. " +
        "Show the returned URL to the user exactly as given.";

    public const string PromptDescription =
        "A detailed description of the image to generate: subject, setting, style, composition, lighting and mood, in plain prose.";

    public const string QualityDescription =
        "\"draft\" (the default) for a fast, cheap image (Photon Flash); \"final\" for the best quality (Photon), slower and dearer. " +
        "Use \"final\" only when the user wants a finished, high-quality image.";

    public const string WaitSecondsDescription =
        "How many seconds to wait for the image before answering with the prediction id instead; omit it for the default.";

    public const string InputImageUrlDescription =
        "An http(s) URL of an existing image to modify according to the prompt; omit it to make a new image.";

    public const string GetImageResultDescription =
        "Gets the image of a prediction that generate_image started but that was not finished in time. " +
        "Use the prediction id that generate_image returned. Costs nothing more. Show the returned URL to the user exactly as given.";

    public const string PredictionIdDescription = "The prediction id that generate_image returned, exactly as given.";

    public const string GetImageBudgetDescription =
        "Tells what an image costs with each model and how many images and dollars are left in this session's budget. Sends nothing.";

    public static AIFunction GenerateImage(PhotonImageTools tools) => AIFunctionFactory.Create(
        async (
            [Description(PromptDescription)] string prompt,
            [Description(QualityDescription)] string quality = PhotonModels.DraftAlias,
            [Description(WaitSecondsDescription)] int? wait_seconds = null,
            [Description(InputImageUrlDescription)] string? input_image_url = null,
            CancellationToken cancellationToken = default) =>
            await tools.GenerateImageAsync(prompt, quality, wait_seconds, input_image_url, progress: null, cancellationToken).ConfigureAwait(false),
        Options(PhotonImageTools.GenerateImageName, GenerateImageDescription));

    public static AIFunction GetImageResult(PhotonImageTools tools) => AIFunctionFactory.Create(
        async (
            [Description(PredictionIdDescription)] string prediction_id,
            [Description(WaitSecondsDescription)] int? wait_seconds = null,
            CancellationToken cancellationToken = default) =>
            await tools.GetImageResultAsync(prediction_id, wait_seconds, progress: null, cancellationToken).ConfigureAwait(false),
        Options(PhotonImageTools.GetImageResultName, GetImageResultDescription));

    public static AIFunction GetImageBudget(PhotonImageTools tools) => AIFunctionFactory.Create(
        tools.GetImageBudget,
        Options(PhotonImageTools.GetImageBudgetName, GetImageBudgetDescription));

    // The reply's text goes to the model as it is: a string result is passed through by chat clients, where any other
    // object would be serialized to JSON and reach the model quoted, with its line breaks escaped.
    private static AIFunctionFactoryOptions Options(string name, string description) => new()
    {
        Name = name,
        Description = description,
        ExcludeResultSchema = true,
        MarshalResult = static (result, _, _) => new ValueTask<object?>((result as ImageToolReply)?.Text ?? result),
    };
}
