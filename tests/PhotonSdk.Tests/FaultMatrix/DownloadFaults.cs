using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults while saving a generated image from its output URL (a CDN, never sent the API key). The prediction completed
/// and is billed, so every failure carries its id, and no half-written file is left behind.
/// </summary>
public sealed class DownloadFaults
{
    private const string ImagePath = "/cdn/out.png";

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Download, "the image is saved")
        {
            Arrange = GivenImage(r => r.Api.Answer(Get(ImagePath), Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png))),
            Act = GenerateAndSave(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (2.7, 2.9),
            Then = (r, _) => { Assert.Equal(Png, File.ReadAllBytes(Path.Combine(r.Scratch, PredictionId + ".png"))); return Task.CompletedTask; },
        },
        new(FaultStage.Download, "the image has expired (404)")
        {
            Arrange = GivenImage(r => r.Api.Answer(Get(ImagePath), Status(404))),
            Act = GenerateAndSave(), Expect = Fails<PhotonImageSaveException>(status: 404, id: Issued, says: "kept for 7 days"), Posts = 1, Gets = 2, Seconds = (2.7, 2.9),
            Then = NoFileLeft,
        },
        new(FaultStage.Download, "connection reset in the middle of the image")
        {
            Arrange = GivenRawImage(_ => RawReply.ResetMidBody(200, "\u0089PNG\r\n\u001a\n", 40_000)),
            Act = GenerateAndSave(), Expect = Fails<PhotonImageSaveException>(id: Issued, says: "Downloading"), Posts = 1, Gets = 2, Seconds = (2.7, 2.9),
            Then = NoFileLeft,
        },
        new(FaultStage.Download, "an image without Content-Length past MaxDownloadBytes")
        {
            Arrange = async r =>
            {
                await GivenRawImage(_ => RawReply.Endless(200, "\u0089PNG", FarTooLarge, "image/png"))(r);
                r.Configure(o => o.MaxDownloadBytes = 4 * 1024 * 1024);
            },
            Act = GenerateAndSave(), Expect = Fails<PhotonImageSaveException>(id: Issued, says: "MaxDownloadBytes"), Posts = 1, Gets = 2, Seconds = (2.7, 2.9),
            Then = async (r, outcome) =>
            {
                Assert.InRange(r.Raw!.BodyBytesSent, 4L * 1024 * 1024, 20L * 1024 * 1024);
                await NoFileLeft(r, outcome);
            },
        },
        new(FaultStage.Download, "an image that trickles past the attempt timeout")
        {
            Arrange = async r =>
            {
                await GivenRawImage(_ => RawReply.Trickle(200, TimeSpan.FromMilliseconds(20), "image/png"))(r);
                r.Configure(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5));
            },
            Act = GenerateAndSave(), Clock = ClockMode.Always,
            Expect = Fails<PhotonImageSaveException>(id: Issued, says: "timed out"), Posts = 1, Gets = 2, Seconds = (7, 8.5),
            Then = NoFileLeft,
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Download_fault(string id) => FaultRunner.VerifyAsync(Cases, id);

    /// <summary>A prediction that completes on its first poll with an output on WireMock, served as <paramref name="serve"/> says.</summary>
    private static Func<FaultRig, Task> GivenImage(Action<FaultRig> serve) => Given(r =>
    {
        r.Api.Answer(SubmitRequest, Json(Created));
        r.Api.Answer(ResultRequest, Json(CompletedAt(r.Api.Url + ImagePath)));
        serve(r);
    });

    /// <summary>A prediction that completes on its first poll with an output on the raw server, which <paramref name="script"/> drives.</summary>
    internal static Func<FaultRig, Task> GivenRawImage(Func<RawRequest, RawReply> script) => Given(r =>
    {
        var cdn = r.StartRaw(script);
        r.Api.Answer(SubmitRequest, Json(Created));
        r.Api.Answer(ResultRequest, Json(CompletedAt(cdn.Url + ImagePath.TrimStart('/'))));
    });
}
