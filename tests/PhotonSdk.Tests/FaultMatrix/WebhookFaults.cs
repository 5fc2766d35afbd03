using PhotonSdk.Tests.Infrastructure;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults around webhooks: the emulator signs real deliveries to an inbox on loopback, and <see cref="WebhookVerifier"/>
/// must accept them as sent and refuse them replayed, changed or checked with the wrong secret. The emulator's clock is
/// the rig's fake one, so a delivery's timestamp and the verifier's "now" agree.
/// </summary>
public sealed class WebhookFaults
{
    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Webhook, "a delivery from the emulator verifies")
        {
            Arrange = WithEmulatorAndInbox, Act = SubmitAndVerify(),
            Expect = Returns(Issued), Posts = 1, Seconds = (0, 0.2),
            Then = (r, summary) => { Assert.Equal(PredictionStatus.Completed, Assert.IsType<PredictionSummary>(summary).Status); return Task.CompletedTask; },
        },
        new(FaultStage.Webhook, "a delivery replayed 301 s later is refused")
        {
            Arrange = WithEmulatorAndInbox, Act = SubmitAndVerify(replayAfter: TimeSpan.FromSeconds(301)),
            Expect = Fails<PhotonWebhookException>(id: RefusedWebhook, says: "too long ago"), Posts = 1, Seconds = (301, 301.2),
        },
        new(FaultStage.Webhook, "a delivery whose body was changed is refused")
        {
            Arrange = WithEmulatorAndInbox, Act = SubmitAndVerify(tamper: body => [.. body[..^1], (byte)' ', body[^1]]),
            Expect = Fails<PhotonWebhookException>(id: RefusedWebhook, says: "does not match"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Webhook, "a delivery checked with another secret is refused")
        {
            Arrange = WithEmulatorAndInbox, Act = SubmitAndVerify(secret: "whsec_0123456789abcdef0123456789abcdef0123456789abcdef"),
            Expect = Fails<PhotonWebhookException>(id: RefusedWebhook, says: "does not match"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Webhook, "the emulator refuses a target off loopback, and creates nothing")
        {
            Arrange = WithEmulatorAndInbox, Act = Submit(new GenerationOptions { Webhook = new Uri("https://hooks.example.com/wavespeed") }),
            Expect = Fails<PhotonInvalidRequestException>(status: 400, says: "loopback"), Posts = 1, Seconds = (0, 0.2),
            Then = async (r, _) =>
            {
                Assert.Empty((await r.Client.GetHistoryAsync()).Items);
                Assert.Equal(0, r.Hooks!.Count);
            },
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Webhook_fault(string id) => FaultRunner.VerifyAsync(Cases, id);

    private static async Task WithEmulatorAndInbox(FaultRig rig)
    {
        rig.StartHooks();
        await rig.StartEmulatorAsync();
    }

    /// <summary>Submits with a webhook to the inbox, takes the delivery, and verifies it as a receiver would.</summary>
    private static Func<FaultRig, CancellationToken, Task<object?>> SubmitAndVerify(TimeSpan? replayAfter = null, Func<byte[], byte[]>? tamper = null, string? secret = null) =>
        async (rig, cancellationToken) =>
        {
            await rig.Client.SubmitAsync(Prompt, new GenerationOptions { Webhook = rig.Hooks!.Url }, cancellationToken);
            // Waiting for the delivery and checking it take real time only; the fake clock moves when the case says.
            using var realTimeOnly = rig.Busy();
            var delivery = await rig.Hooks.NextAsync();
            if (replayAfter is { } later) rig.Time.Advance(later);
            if (tamper is not null) delivery = delivery with { Body = tamper(delivery.Body) };
            return delivery.VerifyWith(new WebhookVerifier(secret ?? rig.Emulator!.WebhookSecret, timeProvider: rig.Time));
        };
}
