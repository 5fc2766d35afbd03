using System.Text.Json;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>A history request, read and checked: the page wanted and the filters.</summary>
internal sealed record HistoryQuery(int Page, int PageSize, string? Model, string? Status, DateTimeOffset? CreatedAfter, DateTimeOffset? CreatedBefore)
{
    public const int MaxPageSize = 100;

    /// <summary>The statuses the history can be filtered on, as the API reference lists them.</summary>
    public static readonly IReadOnlyList<string> FilterStatuses = [PredictionStatus.Completed, PredictionStatus.Failed, PredictionStatus.Processing];

    /// <summary>Reads the request body; on failure says what is wrong with it, with its task code.</summary>
    public static HistoryQuery? Read(JsonElement body, out InputProblem? problem)
    {
        int page = 0, pageSize = 0;
        string? model = null, status = null;
        DateTimeOffset? after = null, before = null;
        problem = ReadPositive(body, "page", int.MaxValue, out page)
            ?? ReadPositive(body, "page_size", MaxPageSize, out pageSize)
            ?? ReadOptionalString(body, "model", out model)
            ?? ReadStatus(body, out status)
            ?? ReadOptionalTime(body, "created_after", out after)
            ?? ReadOptionalTime(body, "created_before", out before);
        return problem is null ? new HistoryQuery(page, pageSize, model, status, after, before) : null;
    }

    public bool Matches(PredictionRecord prediction, DateTimeOffset now) =>
        (Model is null || string.Equals(prediction.Model.Id, Model, StringComparison.Ordinal))
        && (Status is null || string.Equals(prediction.StatusAt(now), Status, StringComparison.Ordinal))
        && (CreatedAfter is null || prediction.CreatedAt >= CreatedAfter)
        && (CreatedBefore is null || prediction.CreatedAt <= CreatedBefore);

    private static InputProblem? ReadPositive(JsonElement body, string name, int max, out int value)
    {
        value = 0;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return new InputProblem(TaskCodes.MissingParameter, $"Missing required parameter: {name}.");
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value) && value >= 1 && value <= max
            ? null
            : new InputProblem(TaskCodes.InvalidParameter, max == int.MaxValue
                ? $"Invalid parameter: {name} must be an integer of 1 or more."
                : $"Invalid parameter: {name} must be an integer from 1 to {max}.");
    }

    /// <summary>The reference documents three values for the filter; anything else is refused rather than matching nothing.</summary>
    private static InputProblem? ReadStatus(JsonElement body, out string? status)
    {
        var problem = ReadOptionalString(body, "status", out status);
        if (problem is not null || status is null || FilterStatuses.Contains(status, StringComparer.Ordinal))
        {
            return problem;
        }

        return new InputProblem(TaskCodes.InvalidParameter, $"Invalid parameter: status must be one of {string.Join(", ", FilterStatuses)}.");
    }

    private static InputProblem? ReadOptionalString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return new InputProblem(TaskCodes.InvalidParameter, $"Invalid parameter: {name} must be a string.");
        }

        value = element.GetString();
        return null;
    }

    private static InputProblem? ReadOptionalTime(JsonElement body, string name, out DateTimeOffset? value)
    {
        value = null;
        var problem = ReadOptionalString(body, name, out var text);
        if (problem is not null || text is null)
        {
            return problem;
        }

        if (!Timestamps.TryParse(text, out var time))
        {
            return new InputProblem(TaskCodes.InvalidParameter, $"Invalid parameter: {name} must be an ISO 8601 date-time.");
        }

        value = time;
        return null;
    }
}
