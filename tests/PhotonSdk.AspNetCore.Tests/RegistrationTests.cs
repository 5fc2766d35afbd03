using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.AspNetCore.Tests.Support;

namespace PhotonSdk.AspNetCore.Tests;

/// <summary>What a wrong set-up does: it fails when the app is built or started, naming the fix, never at the first delivery.</summary>
public sealed class RegistrationTests
{
    private readonly FakeTimeProvider _clock = new(WatchedClock.DefaultStart);

    [Fact]
    public void Mapping_without_AddPhotonWebhooks_fails_naming_it()
    {
        using var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapPhotonWebhooks("/hooks", (_, _) => Task.CompletedTask));

        Assert.Contains("AddPhotonWebhooks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_to_a_handler_service_that_is_not_registered_fails_naming_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddPhotonWebhooks(options => options.Secret = EmulatorSender.Secret);
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapPhotonWebhooks("/hooks"));

        Assert.Contains(nameof(IPhotonWebhookHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_fails_without_a_secret_or_a_client_to_fetch_it()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(_clock, (_, _) => Task.CompletedTask, _ => { }));

        Assert.Contains("AddPhotonClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_fails_when_the_named_client_is_not_registered()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverHost.StartAppAsync(
            _clock,
            services =>
            {
                services.AddPhotonClient(options => options.ApiKey = "test-key");
                services.AddPhotonWebhooks(options => options.ClientName = "team-b");
            },
            app => app.MapPhotonWebhooks("/hooks", (_, _) => Task.CompletedTask)));

        Assert.Contains("'team-b'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Secret", "whsec_")]
    [InlineData("MaxBodyBytes", "0")]
    [InlineData("Tolerance", "00:00:00")]
    [InlineData("HandlerTimeout", "-00:00:01")]
    public async Task Start_fails_on_an_option_out_of_range_naming_it(string option, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Secret"] = EmulatorSender.Secret, [option] = value })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverHost.StartAppAsync(
            _clock,
            services => services.AddPhotonWebhooks(configuration),
            app => app.MapPhotonWebhooks("/hooks", (_, _) => Task.CompletedTask)));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Secret"] = EmulatorSender.Secret,
                ["MaxBodyBytes"] = "4096",
                ["Tolerance"] = "00:01:00",
                ["HandlerTimeout"] = "00:00:05",
            })
            .Build();

        await using var host = await ReceiverHost.StartAppAsync(
            _clock,
            services => services.AddPhotonWebhooks(configuration),
            app => app.MapPhotonWebhooks("/hooks", (_, _) => Task.CompletedTask));
        var options = host.Services.GetRequiredService<IOptions<PhotonWebhookOptions>>().Value;

        Assert.Equal(EmulatorSender.Secret, options.Secret);
        Assert.Equal(4096, options.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Tolerance);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HandlerTimeout);
    }

    [Fact]
    public async Task A_store_registered_by_the_application_replaces_the_in_memory_one()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(capacity: 1, timeProvider: _clock);

        await using var host = await ReceiverHost.StartAppAsync(
            _clock,
            services => services.AddPhotonWebhooks(options => options.Secret = EmulatorSender.Secret).AddSingleton<IPhotonWebhookDeliveryStore>(store),
            app => app.MapPhotonWebhooks("/hooks", (_, _) => Task.CompletedTask));

        Assert.Same(store, host.Services.GetRequiredService<IPhotonWebhookDeliveryStore>());
    }

    [Fact]
    public async Task A_handler_service_is_resolved_per_request_and_may_be_scoped()
    {
        await using var sender = await EmulatorSender.StartAsync(_clock);
        await using var receiver = await ReceiverHost.StartAppAsync(
            _clock,
            services => services
                .AddPhotonWebhooks(options => options.Secret = EmulatorSender.Secret)
                .AddSingleton<ScopedHandler.Log>()
                .AddScoped<IPhotonWebhookHandler, ScopedHandler>(),
            app => app.MapPhotonWebhooks(ReceiverHost.WebhookPath));

        var first = await sender.SubmitAsync(receiver.WebhookUrl);
        var firstDelivery = await receiver.NextDeliveryAsync();
        var second = await sender.SubmitAsync(receiver.WebhookUrl, "A second lighthouse");
        var secondDelivery = await receiver.NextDeliveryAsync();
        var log = receiver.Services.GetRequiredService<ScopedHandler.Log>();

        Assert.Equal(204, firstDelivery.StatusCode);
        Assert.Equal(204, secondDelivery.StatusCode);
        Assert.Equal([first, second], log.Predictions);
        Assert.Equal(2, log.Instances.Distinct().Count());
        Assert.All(log.Jobs, job => Assert.Equal("42", job));
    }

    private sealed class ScopedHandler(ScopedHandler.Log log) : IPhotonWebhookHandler
    {
        public Task HandleAsync(PhotonWebhook webhook, CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Predictions.Add(webhook.Prediction.Id);
                log.Instances.Add(this);
                log.Jobs.Add(webhook.Query["job"].ToString());
            }

            return Task.CompletedTask;
        }

        public sealed class Log
        {
            public List<string> Predictions { get; } = [];

            public List<object> Instances { get; } = [];

            public List<string> Jobs { get; } = [];
        }
    }
}
