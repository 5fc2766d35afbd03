using System.Globalization;
using System.Text.Json;

namespace PhotonSdk.Cli.Output;

/// <summary>Prints a <see cref="SavedImage"/> to stdout: one JSON object for <c>--json</c>, else a short block of text.</summary>
internal static class SavedImageWriter
{
    public static Task WriteJsonAsync(TextWriter stdout, SavedImage image) =>
        stdout.WriteLineAsync(JsonSerializer.Serialize(image, CliJsonContext.Default.SavedImage));

    /// <param name="stdout">Where to write.</param>
    /// <param name="image">The image.</param>
    /// <param name="workingDirectory">Paths beneath it are shown relative to it.</param>
    /// <param name="resumed">
    /// Whether the tool took the prediction up by its id rather than submitting it: its own time is then how long it
    /// waited, not the prediction's total.
    /// </param>
    public static async Task WriteTextAsync(TextWriter stdout, SavedImage image, string workingDirectory, bool resumed)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(image);
        await stdout.WriteLineAsync($"Saved {DisplayPath(image.Path, workingDirectory)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  model       {image.Model}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  prediction  {image.PredictionId}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  cost        {Money(image.CostUsd)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  timings     {Timings(image.Timings, resumed)}").ConfigureAwait(false);
        if (image.Url is { } url) await stdout.WriteLineAsync($"  url         {url}").ConfigureAwait(false);
    }

    public static string Money(decimal? usd) =>
        usd is { } value ? value.ToString("0.00###", CultureInfo.InvariantCulture) + " USD" : "unknown";

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>A path relative to the working directory when it lies beneath it, else the full path.</summary>
    public static string DisplayPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Timings(SavedImageTimings timings, bool resumed)
    {
        var parts = new List<string>(3);
        if (timings.InferenceMs is { } inference) parts.Add("inference " + Seconds(TimeSpan.FromMilliseconds(inference)));
        if (timings.ExecutionMs is { } execution) parts.Add("execution " + Seconds(TimeSpan.FromMilliseconds(execution)));
        parts.Add((resumed ? "waited " : "total ") + Seconds(TimeSpan.FromMilliseconds(timings.ElapsedMs)));
        return string.Join(", ", parts);
    }
}
