using PhotonSdk.Tests.Infrastructure;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults in sync mode, where the server holds the submit until the image is ready. The submit is still sent once;
/// when the server's sync window passes first (task code 5004) the SDK polls by the id it was given.
/// </summary>
public sealed class SyncModeFaults
{
    private static readonly GenerationOptions SyncMode = new() { SyncMode = true };

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.SyncMode, "completed in the submit's answer")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(Completed))),
            Act = Generate(SyncMode), Expect = Returns(Issued), Posts = 1, Gets = 0, Seconds = (0, 0.2),
        },
        new(FaultStage.SyncMode, "the sync window passes (task code 5004), then a poll completes")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Envelope("processing", code: 5004, error: "Sync mode timed out after 90 seconds.")));
                r.Api.Answer(ResultRequest, Json(Completed));
            }),
            Act = Generate(SyncMode), Expect = Returns(Issued), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.SyncMode, "failed in the submit's answer with task code 1200")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(Envelope("failed", code: 1200, error: "flagged by the safety checker")))),
            Act = Generate(SyncMode), Expect = Fails<PhotonContentModerationException>(task: 1200, id: Issued, says: "flagged by the safety checker"), Posts = 1, Gets = 0, Seconds = (0, 0.2),
        },
        new(FaultStage.SyncMode, "504 from the gateway")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Html("<html><body><h1>504 Gateway Time-out</h1></body></html>", 504))),
            Act = Generate(SyncMode), Expect = Fails<PhotonSubmissionUncertainException>(status: 504, says: "may have created"), Posts = 1, Gets = 0, Seconds = (0, 0.2),
        },
        new(FaultStage.SyncMode, "an answer that trickles past the sync attempt timeout")
        {
            Arrange = GivenRaw(_ => RawReply.Trickle(200, TimeSpan.FromMilliseconds(20)), o => o.Retry.SyncAttemptTimeout = TimeSpan.FromSeconds(20)),
            Act = Generate(SyncMode), Clock = ClockMode.Always, Step = TimeSpan.FromMilliseconds(250),
            Expect = Fails<PhotonSubmissionUncertainException>(says: "timed out"), Posts = 1, Gets = 0, Seconds = (20, 22),
        },
        new(FaultStage.SyncMode, "emulator: completed within the sync window")
        {
            Arrange = r => r.StartEmulatorAsync(),
            Act = Generate(SyncMode), Expect = Returns(Issued), Posts = 1, Gets = 0, Seconds = (0, 0.2),
        },
        new(FaultStage.SyncMode, "emulator: the sync window passes, then polls complete")
        {
            // The emulator holds the submit for its 4 s window and answers 5004; the image is ready at 10 s. Already
            // past the 3 s it was expected to take, it is polled at intervals growing from 0.45 s: at 4.45, 5.13, 6.14,
            // 7.66 and 9.93 s it is processing, at 13.35 s completed.
            Arrange = r => r.StartEmulatorAsync(o =>
            {
                o.LatencyScale = 1;
                o.SyncModeTimeout = TimeSpan.FromSeconds(4);
                o.ModelLatencies[PhotonModels.PhotonFlash.Id] = TimeSpan.FromSeconds(10);
            }),
            Act = Generate(SyncMode), Clock = ClockMode.WithServer, Expect = Returns(Issued), Posts = 1, Gets = 6, Seconds = (13.35, 13.36),
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Sync_mode_fault(string id) => FaultRunner.VerifyAsync(Cases, id);
}
