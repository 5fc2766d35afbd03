using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Predictions;

/// <summary><c>GET /api/v3/predictions/{id}/result</c>: the prediction as it stands now.</summary>
internal sealed class ResultEndpoint
{
    public const string IdRouteValue = "id";

    private readonly EmulatorServices _services;

    public ResultEndpoint(EmulatorServices services) => _services = services;

    public Task HandleAsync(HttpContext context)
    {
        var id = context.GetRouteValue(IdRouteValue) as string ?? "";
        var now = _services.Time.GetUtcNow();
        return _services.Predictions.TryGet(id, now, out var prediction)
            ? ApiResults.OkAsync(context, _services.Payloads.At(prediction, now), EmulatorJsonContext.Wire.EnvelopePredictionPayload)
            : ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, $"Prediction not found: {id}");
    }
}
