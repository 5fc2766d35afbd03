using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhotonSdk.Emulator.Billing;
using PhotonSdk.Emulator.Faults;
using PhotonSdk.Emulator.Predictions;
using PhotonSdk.Emulator.Rendering;
using PhotonSdk.Emulator.Uploads;
using PhotonSdk.Emulator.Webhooks;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>Builds the ASP.NET Core application of an emulator: server limits, middleware and routes.</summary>
internal static class EmulatorApplication
{
    public const string ApiPrefix = "/api/v3";

    // Room for multipart boundaries and headers on top of the largest file accepted.
    private const long MultipartOverhead = 1024 * 1024;

    /// <summary>Builds the application and the emulator's state; the caller starts it and owns both.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="consoleHost">True when run as a program: console logging, and Ctrl+C stops it.</param>
    /// <param name="services">The emulator's state, which the caller disposes after the application.</param>
    public static WebApplication Build(EmulatorOptions options, bool consoleHost, out EmulatorServices services)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + MultipartOverhead;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes + MultipartOverhead);

        builder.Logging.ClearProviders();
        if (consoleHost)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        else
        {
            builder.Services.AddSingleton<IHostLifetime>(new PassiveHostLifetime());
        }

        var app = builder.Build();
        services = new EmulatorServices(options, app.Services.GetRequiredService<ILoggerFactory>());
        MapRoutes(app, services);
        return app;
    }

    /// <summary>
    /// Tells the observer of a request as it arrives and once it is answered, faults included. The answer is sent in
    /// full first, so that what the observer does next (kill the client, say) happens after the client could read it.
    /// </summary>
    private static async Task ObserveAsync(HttpContext context, RequestDelegate next, Action<EmulatorRequest> observe)
    {
        var (method, path) = (context.Request.Method, context.Request.Path.Value ?? "");
        // Routing has not run yet: every POST under the API but the history, delete and upload routes is a submit.
        var isSubmit = HttpMethods.IsPost(method) && path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal)
            && !path.StartsWith(ApiPrefix + "/predictions", StringComparison.Ordinal) && !path.StartsWith(ApiPrefix + "/media", StringComparison.Ordinal);
        observe(new EmulatorRequest(method, path, isSubmit, null));
        await next(context).ConfigureAwait(false);
        var dropped = context.Items.ContainsKey(FaultMiddleware.DroppedItem);
        if (!dropped && !context.RequestAborted.IsCancellationRequested) await context.Response.CompleteAsync().ConfigureAwait(false);
        observe(new EmulatorRequest(method, path, isSubmit, context.Response.StatusCode) { WasDropped = dropped });
    }

    private static void MapRoutes(WebApplication app, EmulatorServices services)
    {
        var faults = new FaultMiddleware(services.Faults, services.Time);
        var apiKeys = new ApiKeyCheck(services.ApiKeys);
        if (services.RequestObserver is { } observe) app.Use((context, next) => ObserveAsync(context, next, observe));
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal),
            api =>
            {
                api.Use((context, next) => faults.InvokeAsync(context, next));
                api.Use((context, next) => apiKeys.InvokeAsync(context, next));
            });

        var submit = new SubmitEndpoint(services);
        var result = new ResultEndpoint(services);
        var history = new HistoryEndpoint(services);
        var delete = new DeleteEndpoint(services);
        var ticket = new UploadTicketEndpoint(services);
        var binary = new BinaryUploadEndpoint(services);
        var balance = new BalanceEndpoint(services);
        var secret = new WebhookSecretEndpoint(services);
        var put = new UploadPutEndpoint(services);
        var download = new MediaDownloadEndpoint(services);
        var output = new OutputEndpoint(services);

        var api = app.MapGroup(ApiPrefix);
        api.MapGet($"/predictions/{{{ResultEndpoint.IdRouteValue}}}/result", context => result.HandleAsync(context));
        api.MapPost("/predictions", context => history.HandleAsync(context));
        api.MapPost("/predictions/delete", context => delete.HandleAsync(context));
        api.MapPost("/media/uploads", context => ticket.HandleAsync(context));
        api.MapPost("/media/upload/binary", context => binary.HandleAsync(context));
        api.MapGet("/balance", context => balance.HandleAsync(context));
        api.MapGet("/webhook/secret", context => secret.HandleAsync(context));

        // Model ids contain '/', so every other POST under the API is a submit; unknown models are refused inside.
        api.MapPost($"/{{**{SubmitEndpoint.ModelRouteValue}}}", context => submit.HandleAsync(context))
            .WithMetadata(SubmitEndpointMetadata.Instance);

        app.MapPut($"/storage/uploads/{{{UploadPutEndpoint.IdRouteValue}}}", context => put.HandleAsync(context));
        app.MapGet($"/storage/media/{{{MediaDownloadEndpoint.IdRouteValue}}}/{{name}}", context => download.HandleAsync(context));
        app.MapGet($"/outputs/{{{OutputEndpoint.IdRouteValue}}}/{{{OutputEndpoint.FileRouteValue}}}", context => output.HandleAsync(context));
        var about = string.Join(
            '\n',
            ["WaveSpeed API emulator. The API is under /api/v3/. Models:", .. services.Catalog.Models.Select(m => FormattableString.Invariant($"  POST /api/v3/{m.Path}  ({m.Id}, ${m.PriceUsd} per image)"))]) + "\n";
        app.MapGet("/", context => context.Response.WriteAsync(about, context.RequestAborted));
        app.MapFallback(context => ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, $"Not found: {context.Request.Method} {context.Request.Path}"));
    }
}
