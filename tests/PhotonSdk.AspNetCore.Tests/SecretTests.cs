using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.AspNetCore.Tests.Support;

namespace PhotonSdk.AspNetCore.Tests;

/// <summary>Without a secret in the options, the receiver fetches it through the application's PhotonClient: once.</summary>
public sealed class SecretTests : IAsyncLifetime
{
    private const string SecretPath = "/api/v3/webhook/secret";

    private readonly FakeTimeProvider _clock = new(WatchedClock.DefaultStart);
    private readonly HandlerLog _handler = new();
    private int _secretRequests;
    private EmulatorSender _sender = null!;
    private ReceiverHost? _receiver;

    public async Task InitializeAsync() =>
        _sender = await EmulatorSender.StartAsync(_clock, options => options.OnRequest = request =>
        {
            if (!request.IsAnswered && request.Path == SecretPath) Interlocked.Increment(ref _secretRequests);
        });

    public async Task DisposeAsync()
    {
        if (_receiver is not null) await _receiver.DisposeAsync();
        await _sender.DisposeAsync();
    }

    [Fact]
    public async Task The_secret_is_fetched_once_through_the_registered_client()
    {
        _receiver = await ReceiverHost.StartAppAsync(
            _clock,
            services =>
            {
                services.AddPhotonClient(options => { options.ApiKey = "test-key"; options.BaseUrl = _sender.Emulator.BaseUrl; });
                services.AddPhotonWebhooks();
            },
            app => app.MapPhotonWebhooks(ReceiverHost.WebhookPath, _handler.HandleAsync));

        await _sender.SubmitAsync(_receiver.WebhookUrl);
        var first = await _receiver.NextDeliveryAsync();
        await _sender.SubmitAsync(_receiver.WebhookUrl, "A second lighthouse");
        var second = await _receiver.NextDeliveryAsync();

        Assert.Equal(204, first.StatusCode);
        Assert.Equal(204, second.StatusCode);
        Assert.Equal(2, _handler.Calls.Count);
        Assert.Equal(1, Volatile.Read(ref _secretRequests));
    }

    [Fact]
    public async Task A_secret_that_cannot_be_fetched_is_answered_503_and_fetched_again_at_the_next_delivery()
    {
        using var refuseFirst = new RefuseFirstSecretRequest { InnerHandler = new SocketsHttpHandler { UseProxy = false } };
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = _sender.Emulator.BaseUrl }, new HttpClient(refuseFirst));
        _receiver = await ReceiverHost.StartAppAsync(
            _clock,
            services => services.AddSingleton(client).AddPhotonWebhooks(),
            app => app.MapPhotonWebhooks(ReceiverHost.WebhookPath, _handler.HandleAsync));

        await _sender.SubmitAsync(_receiver.WebhookUrl);
        var delivery = await _receiver.NextDeliveryAsync();
        var handledBeforeRedelivery = _handler.Calls.Count;
        using var redelivery = await _receiver.SendAsync(delivery);

        Assert.Equal(503, delivery.StatusCode);
        Assert.Equal(0, handledBeforeRedelivery);
        Assert.Equal(HttpStatusCode.NoContent, redelivery.StatusCode);
        Assert.Single(_handler.Calls);
        Assert.Equal(2, refuseFirst.SecretRequests);
    }

    /// <summary>Answers the first secret request 401 itself (a failure the client does not retry); passes the rest on.</summary>
    private sealed class RefuseFirstSecretRequest : DelegatingHandler
    {
        private int _secretRequests;

        public int SecretRequests => Volatile.Read(ref _secretRequests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == SecretPath && Interlocked.Increment(ref _secretRequests) == 1)
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"code":401,"message":"Unauthorized"}""") });
            return base.SendAsync(request, cancellationToken);
        }
    }
}
