using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Predictions;

/// <summary><c>POST /api/v3/predictions/delete</c>: removes predictions and their outputs; unknown ids are ignored.</summary>
internal sealed class DeleteEndpoint
{
    private readonly EmulatorServices _services;

    public DeleteEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await JsonBodies.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, JsonBodies.NotAnObject).ConfigureAwait(false);
            return;
        }

        if (!body.Value.TryGetProperty("ids", out var ids) || ids.ValueKind == JsonValueKind.Null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.MissingParameter, "Missing required parameter: ids.").ConfigureAwait(false);
            return;
        }

        if (ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0 || ids.EnumerateArray().Any(id => id.ValueKind != JsonValueKind.String))
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, "Invalid parameter: ids must be a non-empty array of strings.").ConfigureAwait(false);
            return;
        }

        var deleted = ids.EnumerateArray().Select(id => id.GetString()!).Distinct(StringComparer.Ordinal).Count(Remove);
        await ApiResults.OkAsync(context, new DeleteResultPayload { DeletedCount = deleted }, EmulatorJsonContext.Wire.EnvelopeDeleteResultPayload).ConfigureAwait(false);
    }

    private bool Remove(string id)
    {
        if (!_services.Predictions.Remove(id)) return false;
        _services.State?.Remove(id);
        return true;
    }
}
