using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Faults;

/// <summary>Applies the request-level faults (slow responses, injected 429 and 5xx, dropped connections) to API requests, before anything else.</summary>
internal sealed class FaultMiddleware
{
    /// <summary>The <see cref="HttpContext.Items"/> key marking a request whose connection was dropped instead of answered.</summary>
    public const string DroppedItem = "PhotonSdk.Emulator.Dropped";

    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;

    public FaultMiddleware(FaultInjector faults, TimeProvider time)
    {
        _faults = faults;
        _time = time;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!_faults.AffectsRequests)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var faults = _faults.NextRequest();
        if (faults.Slow)
        {
            await ClockWaits.UntilAsync(_time, _time.GetUtcNow() + _faults.SlowResponseDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (faults.RateLimited)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(_faults.RateLimitedRetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ApiResults.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "Injected rate limit: too many requests, try again later.").ConfigureAwait(false);
            return;
        }

        if (faults.ConnectionReset)
        {
            await AcceptButDiscardAsync(context, next).ConfigureAwait(false);
            context.Items[DroppedItem] = true;
            context.Abort();
            return;
        }

        if (!faults.ServerError)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (_faults.ServerErrorKeepsSubmission && context.GetEndpoint()?.Metadata.GetMetadata<SubmitEndpointMetadata>() is not null)
        {
            await AcceptButDiscardAsync(context, next).ConfigureAwait(false);
        }

        await ApiResults.ErrorAsync(context, _faults.ServerErrorStatusCode, "Injected server error: the service is having trouble, try again later.").ConfigureAwait(false);
    }

    /// <summary>Runs the submit so the prediction exists, then drops its answer, as if it were lost on the way back.</summary>
    private static async Task AcceptButDiscardAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }

        context.Response.Headers.Clear();
    }
}
