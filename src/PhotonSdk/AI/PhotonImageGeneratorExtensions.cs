using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using PhotonSdk.AI;

namespace PhotonSdk;

/// <summary>Exposes an <see cref="IPhotonClient"/> as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>.</summary>
public static class PhotonImageGeneratorExtensions
{
    /// <summary>The key, in each output content's <see cref="AIContent.AdditionalProperties"/>, of the id of the prediction that made it.</summary>
    public const string PredictionIdProperty = "prediction_id";

    /// <summary>The key, in each output content's <see cref="AIContent.AdditionalProperties"/>, of the id of the model that served it.</summary>
    public const string ModelIdProperty = "model_id";

    /// <summary>
    /// The key, in each output content's <see cref="AIContent.AdditionalProperties"/>, of the price in US dollars of the
    /// prediction that made it (a <see cref="decimal"/>; absent when the model is not in the catalog).
    /// </summary>
    public const string CostUsdProperty = "cost_usd";

    /// <summary>
    /// Wraps the client in an <see cref="IImageGenerator"/>, so that it composes with Microsoft.Extensions.AI
    /// (<c>AsBuilder().UseLogging().UseOpenTelemetry()</c>, <c>services.AddImageGenerator(...)</c>).
    /// </summary>
    /// <param name="client">The client that sends the predictions; the generator does not dispose it.</param>
    /// <param name="defaultModelId">
    /// The model used when <see cref="ImageGenerationOptions.ModelId"/> is not set: an id, a name or an alias
    /// (<c>flash</c>, <c>photon</c>). When <see langword="null"/>, the client's own routing picks it.
    /// </param>
    /// <returns>The generator.</returns>
    /// <remarks>
    /// <para>How <see cref="ImageGenerationOptions"/> is read:</para>
    /// <list type="bullet">
    /// <item><description><see cref="ImageGenerationOptions.ModelId"/>: a catalog id, name or alias; an unknown one throws
    /// <see cref="ArgumentException"/> before anything is sent. With original images, the modify model of the same tier is used.</description></item>
    /// <item><description><see cref="ImageGenerationOptions.ResponseFormat"/>: <see cref="ImageGenerationResponseFormat.Data"/> and
    /// <see langword="null"/> (the default, as with M.E.AI's other generators) return <see cref="DataContent"/> with the bytes and the
    /// media type read from them (PNG, JPEG, WebP or GIF, else <c>application/octet-stream</c>); <see cref="ImageGenerationResponseFormat.Uri"/> and <see cref="ImageGenerationResponseFormat.Hosted"/>
    /// return <see cref="UriContent"/> pointing at WaveSpeed's CDN (kept 7 days). When <see cref="ImageGenerationOptions.RawRepresentationFactory"/>
    /// asks for <see cref="ImageResponseFormat.Data"/>, bytes are returned whatever the format; when it sets a
    /// <see cref="GenerationOptions.Webhook"/>, which the API does not combine with bytes, <see langword="null"/> returns URLs.</description></item>
    /// <item><description><see cref="ImageGenerationOptions.Count"/>: that many predictions (each Photon prediction makes one
    /// image), at most four running at once; the images come back in order. If one fails, those not yet submitted are not
    /// submitted, and the first failure is thrown once the submitted ones have finished.</description></item>
    /// <item><description><see cref="ImageGenerationOptions.ImageSize"/> and <see cref="ImageGenerationOptions.MediaType"/> are
    /// ignored: Photon on WaveSpeed takes neither a size nor an output format, and picks both itself. Each output carries its
    /// actual media type.</description></item>
    /// <item><description><see cref="ImageGenerationOptions.RawRepresentationFactory"/>: when it returns a
    /// <see cref="GenerationOptions"/>, that is the starting point, and the options above fill only what it leaves unset.</description></item>
    /// <item><description><see cref="ImageGenerationRequest.OriginalImages"/>: one image, as a <see cref="UriContent"/> with an
    /// http(s) URL or as a <see cref="DataContent"/>, which is uploaded first (<see cref="IPhotonClient.UploadAsync"/>).</description></item>
    /// </list>
    /// <para>
    /// The response's <see cref="ImageGenerationResponse.RawRepresentation"/> is the SDK's results, an
    /// <see cref="IReadOnlyList{T}"/> of <see cref="ImageGenerationResult"/>; each content's
    /// <see cref="AIContent.AdditionalProperties"/> holds <see cref="PredictionIdProperty"/>, <see cref="ModelIdProperty"/> and
    /// <see cref="CostUsdProperty"/>. <c>GetService</c> answers <see cref="ImageGeneratorMetadata"/> (provider <c>wavespeed</c>),
    /// the client, and the generator itself.
    /// </para>
    /// <para>
    /// As M.E.AI's image tool (<see cref="HostedImageGenerationTool"/>), build the chat client as
    /// <c>chatClient.AsBuilder().UseImageGeneration(generator).UseFunctionInvocation().Build()</c>, in that order: the image
    /// tool's functions are run by the function-invoking client inside it. The image tool keeps only <see cref="DataContent"/>
    /// outputs, so leave the tool's <see cref="ImageGenerationOptions.ResponseFormat"/> unset (or <see cref="ImageGenerationResponseFormat.Data"/>):
    /// with <see cref="ImageGenerationResponseFormat.Uri"/> each image is generated and billed, then dropped by M.E.AI.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultModelId"/> names no model in the catalog.</exception>
    [Experimental("MEAI001", UrlFormat = "https://aka.ms/dotnet-extensions-warnings/{0}")]
    public static IImageGenerator AsIImageGenerator(this IPhotonClient client, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var defaultModel = defaultModelId is null ? null : PhotonModels.Get(defaultModelId, nameof(defaultModelId));
        return new PhotonImageGenerator(client, defaultModel);
    }
}
