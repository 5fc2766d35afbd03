namespace PhotonSdk.Testing.Fakes;

/// <summary>Completed predictions shaped as the SDK returns them.</summary>
public static class CannedResults
{
    /// <summary>The first bytes of a PNG file, enough for media-type sniffing.</summary>
    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static Uri UrlFor(string predictionId) => new($"https://cdn.example/predictions/{predictionId}/0.png");

    public static string IdFor(int callNumber) => $"pred-{callNumber:000}";

    public static ImageGenerationResult Url(string predictionId, PhotonModel model, string? mediaType = "image/png") =>
        PhotonModelFactory.ImageGenerationResult(predictionId, model.Id, [PhotonModelFactory.GeneratedImage(null, 0, UrlFor(predictionId), null, mediaType, false)], model.PricePerImageUsd, Timings(), 1);

    public static ImageGenerationResult Data(string predictionId, PhotonModel model) =>
        PhotonModelFactory.ImageGenerationResult(predictionId, model.Id, [PhotonModelFactory.GeneratedImage(null, 0, null, PngBytes, "image/png", false)], model.PricePerImageUsd, Timings(), 1);

    /// <summary>What a client would return for a call: the model it names (else Photon Flash), in the format it asks for.</summary>
    public static ImageGenerationResult For(GenerateCall call)
    {
        var model = call.Options?.Model is { } name ? PhotonModels.Get(name) : PhotonModels.PhotonFlash;
        var id = IdFor(call.Number);
        return call.Options?.ResponseFormat == ImageResponseFormat.Data ? Data(id, model) : Url(id, model);
    }

    private static PredictionTimings Timings() => PhotonModelFactory.PredictionTimings(null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
}
