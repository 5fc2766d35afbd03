using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Billing;

/// <summary><c>GET /api/v3/balance</c>: the account balance in USD, less the price of every prediction completed so far.</summary>
internal sealed class BalanceEndpoint
{
    private readonly EmulatorServices _services;

    public BalanceEndpoint(EmulatorServices services) => _services = services;

    public Task HandleAsync(HttpContext context) =>
        ApiResults.OkAsync(
            context,
            new BalancePayload { Balance = _services.Ledger.BalanceAt(_services.Time.GetUtcNow()) },
            EmulatorJsonContext.Wire.EnvelopeBalancePayload);
}
