using System.CommandLine;
using System.Globalization;

namespace PhotonSdk.Cli.Commands;

/// <summary>Options several commands share, so that they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>auto</c> leaves the choice to the SDK's routing.</summary>
    public const string AutoModel = "auto";

    public static Option<string> Model() => new("--model", "-m")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"flash (Photon Flash, {PhotonModels.PhotonFlash.PricePerImageUsd} USD/image), photon (Photon, {PhotonModels.Photon.PricePerImageUsd} USD/image), " +
            $"auto (the SDK's routing, today {PhotonModels.ForTier(PhotonModelTier.Flash, takesInputImage: false)?.Id ?? PhotonModels.FlashAlias}), or a model id"),
        DefaultValueFactory = _ => AutoModel,
        HelpName = "flash|photon|auto",
    };

    public static Option<string?> Out(string description) => new("--out", "-o")
    {
        Description = description,
        HelpName = "path",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object (path, model, predictionId, costUsd, timings, url) on stdout and nothing else",
    };

    /// <summary>The generation options for a <c>--model</c> value; an unknown model fails here, before anything starts.</summary>
    public static GenerationOptions ForModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model) || model.Trim().Equals(AutoModel, StringComparison.OrdinalIgnoreCase)) return new GenerationOptions();
        return new GenerationOptions { Model = PhotonModels.Get(model, "--model").Id };
    }
}
