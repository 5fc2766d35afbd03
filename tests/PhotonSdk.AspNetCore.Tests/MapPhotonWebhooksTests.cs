using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.AspNetCore.Tests.Support;

namespace PhotonSdk.AspNetCore.Tests;

/// <summary>
/// The receiver as a user runs it: a real Kestrel on 127.0.0.1, fed by the emulator's real signed deliveries of
/// predictions submitted through the SDK. A delivery the emulator makes once is sent again byte for byte (replays,
/// redeliveries) or changed (tampering) from what the host recorded. Time is a fake clock that the receiver and the
/// emulator share unless a test sets them apart.
/// </summary>
public sealed class MapPhotonWebhooksTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(WatchedClock.DefaultStart);
    private readonly HandlerLog _handler = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    [Fact]
    public async Task A_genuine_delivery_reaches_the_handler_once_and_is_answered_204()
    {
        var (receiver, sender) = await StartAsync();

        var predictionId = await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();

        Assert.Equal(StatusCodes.NoContent, delivery.StatusCode);
        var webhook = Assert.Single(_handler.Calls);
        Assert.Equal(delivery.Id, webhook.Id);
        Assert.Equal(predictionId, webhook.Prediction.Id);
        Assert.Equal(PredictionStatus.Completed, webhook.Prediction.Status);
        Assert.Equal("A lighthouse at dawn", webhook.Prediction.Prompt);
        Assert.StartsWith(sender.Emulator.BaseUrl.AbsoluteUri, Assert.Single(webhook.Prediction.Outputs), StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow(), webhook.Timestamp);
        Assert.Equal("42", webhook.Query["job"]);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("signature")]
    [InlineData("id")]
    [InlineData("timestamp")]
    [InlineData("no signature")]
    public async Task A_tampered_delivery_is_refused_400_and_never_handled(string tampered)
    {
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.CaptureUrl);
        var genuine = await receiver.NextDeliveryAsync();
        var body = genuine.Body;
        var headers = new Dictionary<string, string>(genuine.Headers, StringComparer.OrdinalIgnoreCase);
        switch (tampered)
        {
            case "body":
                body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Body).Replace("\"completed\"", "\"failed\"", StringComparison.Ordinal));
                Assert.NotEqual(genuine.Body, body);
                break;
            case "signature":
                headers["webhook-signature"] = genuine.Signature[..^1] + (genuine.Signature[^1] == '0' ? '1' : '0');
                break;
            case "id":
                headers["webhook-id"] = genuine.Id + "x";
                break;
            case "timestamp":
                headers["webhook-timestamp"] = (long.Parse(genuine.Timestamp, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
                break;
            default:
                headers["webhook-signature"] = "";
                break;
        }

        using var refused = await receiver.SendAsync(genuine, body, headers: headers);
        using var accepted = await receiver.SendAsync(genuine);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(genuine.Id, Assert.Single(_handler.Calls).Id);
    }

    [Fact]
    public async Task A_replayed_delivery_is_answered_204_without_running_the_handler_again()
    {
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();

        var replays = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var replay = await receiver.SendAsync(delivery);
            replays.Add(replay.StatusCode);
        }

        Assert.Equal(StatusCodes.NoContent, delivery.StatusCode);
        Assert.All(replays, status => Assert.Equal(HttpStatusCode.NoContent, status));
        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_redelivery_signed_anew_later_is_recognised_by_its_webhook_id()
    {
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new WebhookVerifier(EmulatorSender.Secret).Sign(delivery.Id, timestamp, delivery.Body);

        using var redelivery = await receiver.SendAsync(delivery, headers: new Dictionary<string, string> { ["webhook-timestamp"] = timestamp, ["webhook-signature"] = signature });

        Assert.NotEqual(delivery.Timestamp, timestamp);
        Assert.Equal(HttpStatusCode.NoContent, redelivery.StatusCode);
        Assert.Single(_handler.Calls);
    }

    [Theory]
    [InlineData(300, HttpStatusCode.NoContent)]
    [InlineData(301, HttpStatusCode.BadRequest)]
    public async Task A_delivery_older_than_300_s_is_refused_400_and_never_handled(int ageSeconds, HttpStatusCode expected)
    {
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.CaptureUrl);
        var held = await receiver.NextDeliveryAsync();
        _clock.Advance(TimeSpan.FromSeconds(ageSeconds));

        using var response = await receiver.SendAsync(held);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent ? 1 : 0, _handler.Calls.Count);
        if (expected == HttpStatusCode.BadRequest) Assert.Contains("too long ago", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tolerance_option_sets_the_window()
    {
        var (receiver, sender) = await StartAsync(options => options.Tolerance = TimeSpan.FromSeconds(60));
        await sender.SubmitAsync(receiver.CaptureUrl);
        var held = await receiver.NextDeliveryAsync();
        _clock.Advance(TimeSpan.FromSeconds(61));

        using var response = await receiver.SendAsync(held);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_handler.Calls);
    }

    [Theory]
    [InlineData(299, StatusCodes.NoContent)]
    [InlineData(301, StatusCodes.BadRequest)]
    public async Task A_delivery_dated_more_than_300_s_ahead_is_refused_400_and_never_handled(int aheadSeconds, int expected)
    {
        // The sender's clock runs ahead of the receiver's, so its real signed delivery arrives future-dated.
        var senderClock = new FakeTimeProvider(_clock.GetUtcNow().AddSeconds(aheadSeconds));
        var (receiver, sender) = await StartAsync(senderClock: senderClock);

        await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();

        Assert.Equal(expected, delivery.StatusCode);
        Assert.Equal(expected == StatusCodes.NoContent ? 1 : 0, _handler.Calls.Count);
    }

    [Fact]
    public async Task A_delivery_over_the_body_bound_is_refused_413_and_never_handled()
    {
        var (receiver, sender) = await StartAsync(options => options.MaxBodyBytes = 64);

        await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();

        Assert.True(delivery.Body.Length > 64);
        Assert.Equal(StatusCodes.PayloadTooLarge, delivery.StatusCode);
        Assert.Empty(_handler.Calls);
    }

    [Theory]
    [InlineData(false, 0, HttpStatusCode.NoContent)]
    [InlineData(false, -1, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(true, 0, HttpStatusCode.NoContent)]
    [InlineData(true, -1, HttpStatusCode.RequestEntityTooLarge)]
    public async Task The_body_bound_holds_to_the_byte_with_or_without_a_content_length(bool chunked, int boundFromLength, HttpStatusCode expected)
    {
        var (capture, sender) = await StartAsync();
        await sender.SubmitAsync(capture.CaptureUrl);
        var genuine = await capture.NextDeliveryAsync();
        var bounded = await StartReceiverAsync(options => options.MaxBodyBytes = genuine.Body.Length + boundFromLength);

        using var response = await bounded.SendAsync(genuine, chunked: chunked);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent ? 1 : 0, _handler.Calls.Count);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_delivery_that_is_not_json_is_refused_415_and_never_handled(string? contentType)
    {
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.CaptureUrl);
        var genuine = await receiver.NextDeliveryAsync();

        using var refused = await receiver.SendAsync(genuine, contentType: contentType);
        using var accepted = await receiver.SendAsync(genuine, contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_handler_that_throws_is_answered_500_and_the_redelivery_is_handled()
    {
        _handler.Behaviour = (call, _) => call == 1 ? throw new InvalidOperationException("the database is down") : Task.CompletedTask;
        var (receiver, sender) = await StartAsync();

        await sender.SubmitAsync(receiver.WebhookUrl);
        var delivery = await receiver.NextDeliveryAsync();
        using var redelivery = await receiver.SendAsync(delivery);
        using var replay = await receiver.SendAsync(delivery);

        Assert.Equal(StatusCodes.InternalServerError, delivery.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, redelivery.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        Assert.Equal(2, _handler.Calls.Count);
        Assert.All(_handler.Calls, call => Assert.Equal(delivery.Id, call.Id));
    }

    [Fact]
    public async Task A_handler_that_overruns_its_timeout_is_cancelled_answered_503_and_left_unhandled()
    {
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behaviour = async (call, cancellationToken) =>
        {
            if (call > 1) return;
            entered.SetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        };
        var (receiver, sender) = await StartAsync(options => options.HandlerTimeout = TimeSpan.FromSeconds(10));

        await sender.SubmitAsync(receiver.WebhookUrl);
        var token = await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        var cancelledEarly = token.IsCancellationRequested;
        _clock.Advance(TimeSpan.FromTicks(1));
        var delivery = await receiver.NextDeliveryAsync();
        using var redelivery = await receiver.SendAsync(delivery);

        Assert.False(cancelledEarly);
        Assert.Equal(StatusCodes.ServiceUnavailable, delivery.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, redelivery.StatusCode);
        Assert.Equal(2, _handler.Calls.Count);
    }

    [Fact]
    public async Task A_copy_arriving_while_the_first_is_handled_is_answered_409_and_not_handled_twice()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behaviour = async (call, _) =>
        {
            if (call > 1) return;
            entered.SetResult();
            await release.Task;
        };
        var (receiver, sender) = await StartAsync();
        await sender.SubmitAsync(receiver.CaptureUrl);
        var genuine = await receiver.NextDeliveryAsync();

        var first = receiver.SendAsync(genuine);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var second = await receiver.SendAsync(genuine);
        release.SetResult();
        using var firstAnswer = await first;
        using var third = await receiver.SendAsync(genuine);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, firstAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_delivery_that_is_not_a_post_is_not_routed_to_the_handler()
    {
        var (receiver, _) = await StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(receiver.WebhookUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(_handler.Calls);
    }

    private async Task<(ReceiverHost Receiver, EmulatorSender Sender)> StartAsync(Action<PhotonWebhookOptions>? configure = null, TimeProvider? senderClock = null)
    {
        var sender = await EmulatorSender.StartAsync(senderClock ?? _clock);
        _owned.Add(sender);
        return (await StartReceiverAsync(configure), sender);
    }

    private async Task<ReceiverHost> StartReceiverAsync(Action<PhotonWebhookOptions>? configure = null)
    {
        var receiver = await ReceiverHost.StartAsync(_clock, _handler.HandleAsync, options =>
        {
            options.Secret = EmulatorSender.Secret;
            configure?.Invoke(options);
        });
        _owned.Add(receiver);
        return receiver;
    }

    /// <summary>The statuses a recorded delivery was answered with.</summary>
    private static class StatusCodes
    {
        public const int NoContent = 204;
        public const int BadRequest = 400;
        public const int PayloadTooLarge = 413;
        public const int InternalServerError = 500;
        public const int ServiceUnavailable = 503;
    }
}
