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
            $"auto (the SDK's routing, today {PhotonModels.ForQuality(PhotonQuality.Draft).Id}), or a model id"),
        DefaultValueFactory = _ => AutoModel,
        HelpName = "flash|photon|auto",
    };

    public static Option<string?> Out(string description) => new("--out", "-o")
    {
        Description = description,
        HelpName = "path",
    };

    /// <summary>The <c>--out</c> that writes the image's bytes to stdout.</summary>
    public const string StandardOutput = "-";

    public const string OutRules =
        "A file, a folder (existing or ending in /) to save into, or - for stdout; default ./photon-output/<prediction-id>.<ext>. " +
        "A file's image extension is set to match the image (fox.jpg becomes fox.png for a PNG); an existing file is kept unless --force";

    public static Option<bool> Force() => new("--force")
    {
        Description = "Replace the --out file if it exists",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object (path, model, predictionId, costUsd, timings, url) on stdout and nothing else",
    };

    /// <summary>The generation options for a <c>--model</c> value; an unknown model fails here, before anything starts.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208", Justification = "The error names the command-line option the user typed.")]
    public static GenerationOptions ForModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model) || model.Trim().Equals(AutoModel, StringComparison.OrdinalIgnoreCase)) return new GenerationOptions();
        return PhotonModels.TryFind(model, out var found)
            ? new GenerationOptions { Model = found.Id }
            : throw new ArgumentException(
                $"Unknown model '{model}'. Known models: {string.Join(", ", PhotonModels.All.Select(m => m.Id))}; aliases: {PhotonModels.DraftAlias}, {PhotonModels.FinalAlias}.", "--model");
    }
}
