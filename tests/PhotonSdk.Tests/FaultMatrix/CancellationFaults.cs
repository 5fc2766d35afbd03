using PhotonSdk.Tests.Infrastructure;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Cancellation at every stage. A cancelled call ends within 100 ms of fake and of real time with the fake clock
/// standing still, so it waits for no timer; it says whether a prediction may exist and carries its id once known.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CancellationFaults
{
    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Submit, "cancelled before the submit is sent")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(Created))), CancelWhen = _ => true,
            Act = Submit(), Expect = Cancelled(None, predictionMayExist: false), Posts = 0, Seconds = (0, 0),
        },
        new(FaultStage.Submit, "cancelled while the submit is in flight")
        {
            Arrange = GivenRaw(_ => RawReply.Hold), CancelWhen = r => r.Posts == 1,
            Act = Submit(), Expect = Cancelled(None, predictionMayExist: true), Posts = 1, Seconds = (0, 0.1),
        },
        new(FaultStage.SyncMode, "cancelled while the server holds a sync-mode submit")
        {
            Arrange = GivenRaw(_ => RawReply.Hold), CancelWhen = r => r.Posts == 1,
            Act = Generate(new GenerationOptions { SyncMode = true }), Expect = Cancelled(None, predictionMayExist: true), Posts = 1, Seconds = (0, 0.1),
        },
        new(FaultStage.Poll, "cancelled during the delay before a poll")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Processing)); }),
            CancelWhen = r => r.Gets == 1 && r.IsIdle,
            Act = Generate(), Expect = Cancelled(Issued, predictionMayExist: true), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "cancelled during a retry's backoff")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(PredictionJson.Error(503, "busy"), 503)); }),
            CancelWhen = r => r.Gets == 1 && r.IsIdle,
            Act = Generate(), Expect = Cancelled(Issued, predictionMayExist: true), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "cancelled while a poll is in flight")
        {
            Arrange = GivenRaw(SubmitThen(_ => RawReply.Hold)), CancelWhen = r => r.Gets == 1,
            Act = Generate(), Expect = Cancelled(Issued, predictionMayExist: true), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Upload, "cancelled while the storage holds the PUT")
        {
            Arrange = Given(r =>
            {
                var storage = r.StartRaw(_ => RawReply.Hold);
                r.Api.Answer(TicketRequest, Json(Ticket(storage.Url + "storage/cat.png")));
            }),
            CancelWhen = r => r.Puts == 1,
            Act = Upload(), Expect = Cancelled(None, predictionMayExist: false), Posts = 1, Puts = 1, Seconds = (0, 0.1),
        },
        new(FaultStage.Download, "cancelled while the image trickles in")
        {
            Arrange = DownloadFaults.GivenRawImage(_ => RawReply.Trickle(200, TimeSpan.FromMilliseconds(20), "image/png")),
            CancelWhen = r => r.Raw!.Count("GET") == 1,
            Act = GenerateAndSave(), Expect = Cancelled(Issued, predictionMayExist: true), Posts = 1, Gets = 2, Seconds = (2.7, 2.9),
            Then = NoFileLeft,
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Cancellation(string id) => FaultRunner.VerifyAsync(Cases, id);

    private static Outcome Cancelled(PredictionIdOnOutcome id, bool predictionMayExist) =>
        Fails<PhotonCanceledException>(id: id) with { PredictionMayExist = predictionMayExist };
}
