using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// The cluster's webhook endpoint as an application runs it: Kestrel on 127.0.0.1, <c>MapPhotonWebhooks</c> with
/// <c>AddPhotonImageJobWebhooks</c>, handing deliveries to the jobs through whichever cluster client is current (a
/// restarted cluster gets a new one; deliveries that arrive in between are answered 5xx).
/// </summary>
public sealed class WebhookFrontEnd : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile IGrainFactory? _grains;

    private WebhookFrontEnd(WebApplication app) => _app = app;

    public Uri WebhookUrl { get; private set; } = null!;

    public IGrainFactory? Grains
    {
        get => _grains;
        set => _grains = value;
    }

    public static async Task<WebhookFrontEnd> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebhookFrontEnd? self = null;
        builder.Services.AddTransient<IGrainFactory>(_ => self!.Grains ?? throw new InvalidOperationException("The cluster is down."));
        builder.Services.AddPhotonImageJobWebhooks(o => o.Secret = secret);
        var app = builder.Build();
        self = new WebhookFrontEnd(app);
        app.MapPhotonWebhooks("/photon/webhooks");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.WebhookUrl = new Uri(new Uri(address), "/photon/webhooks");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
