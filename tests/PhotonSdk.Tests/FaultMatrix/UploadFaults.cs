using PhotonSdk.Tests.Infrastructure;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults in an upload: the ticket request (<c>POST /media/uploads</c>, a read as far as retries go, for it creates
/// nothing that costs), the PUT to the presigned storage URL, and the legacy multipart fallback. Every failure is a
/// <see cref="PhotonException"/>, whatever the storage host did.
/// </summary>
public sealed class UploadFaults
{
    private const string StoragePath = "/storage/cat.png";

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Upload, "ticket and PUT succeed")
        {
            Arrange = Given(r => { r.Api.Answer(TicketRequest, Json(Ticket(r.Api.Url + StoragePath))); r.Api.Answer(Put(StoragePath), Status(200)); }),
            Act = Upload(), Expect = Returns(None), Posts = 1, Puts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Upload, "the storage answers 503 to every PUT")
        {
            Arrange = Given(r => { r.Api.Answer(TicketRequest, Json(Ticket(r.Api.Url + StoragePath))); r.Api.Answer(Put(StoragePath), Status(503)); }),
            Act = Upload(), Expect = Fails<PhotonServerException>(status: 503, says: "storage"), Posts = 1, Puts = 4, Seconds = (7, 7.2),
        },
        new(FaultStage.Upload, "the storage refuses an expired presigned URL (403)")
        {
            Arrange = Given(r => { r.Api.Answer(TicketRequest, Json(Ticket(r.Api.Url + StoragePath))); r.Api.Answer(Put(StoragePath), Status(403)); }),
            Act = Upload(), Expect = Fails<PhotonException>(status: 403, says: "storage answered HTTP 403"), Posts = 1, Puts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Upload, "the storage resets the connection instead of answering")
        {
            Arrange = Given(r =>
            {
                var storage = r.StartRaw(_ => RawReply.ResetBeforeAnswer);
                r.Api.Answer(TicketRequest, Json(Ticket(storage.Url + StoragePath.TrimStart('/'))));
            }),
            Act = Upload(), Expect = Fails<PhotonException>(says: "Uploading cat.png"), Posts = 1, Puts = 4, Seconds = (7, 7.2),
        },
        new(FaultStage.Upload, "an HTML 502 page for every ticket request")
        {
            Arrange = Given(r => r.Api.Answer(TicketRequest, Html(HtmlBadGateway, 502))),
            Act = Upload(), Expect = Fails<PhotonServerException>(status: 502, says: "failed with HTTP 502. This is usually transient"), Posts = 4, Puts = 0, Seconds = (7, 7.2),
        },
        new(FaultStage.Upload, "a ticket whose upload URL is not http(s)")
        {
            Arrange = Given(r => r.Api.Answer(TicketRequest, Json(Ticket("file:///etc/passwd")))),
            Act = Upload(), Expect = Fails<PhotonServerException>(says: "non-http(s) URL"), Posts = 1, Puts = 0, Seconds = (0, 0.2),
        },
        new(FaultStage.Upload, "no tickets offered, and the legacy upload answers 413")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(TicketRequest, Json(PredictionJson.Error(404, "not found"), 404));
                r.Api.Answer(WireMock.RequestBuilders.Request.Create().WithPath("/api/v3/media/upload/binary").UsingPost(), Json(PredictionJson.Error(413, "file too large"), 413));
            }),
            Act = Upload(), Expect = Fails<PhotonInvalidRequestException>(status: 413, says: "file too large"), Posts = 2, Puts = 0, Seconds = (0, 0.2),
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Upload_fault(string id) => FaultRunner.VerifyAsync(Cases, id);
}
