using PhotonSdk.Tests.Infrastructure;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults on <c>GET /predictions/{id}/result</c> and in what it answers. Reads are safe to send again, so transient
/// faults are retried; whatever the outcome, the prediction id, known since the submit, stays on it. Each case has a
/// fresh client, which has timed no model and expects Photon Flash's typical 3 s: polls come at 2.7, 3, 3.3 and 3.6 s,
/// then 0.45, 0.68, 1.01, 1.52… s apart up to 10 s; retries back off 1, 2 and 4 s.
/// </summary>
public sealed class PollFaults
{
    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Poll, "completed on the first poll")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Completed)); }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "connection reset in the middle of the body, then completed")
        {
            Arrange = GivenRaw(SubmitThen(poll => poll.Ordinal == 2 ? RawReply.ResetMidBody(200, """{"code":200,"data":{"id":""", 800) : RawReply.Full(200, Completed))),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (3.7, 3.9),
        },
        new(FaultStage.Poll, "truncated JSON on every poll")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json("""{"code":200,"data":{"id":"5e2b8f1c0a9d""")); }),
            Act = Generate(), Expect = Fails<PhotonServerException>(status: 200, id: Issued, says: "not the JSON the API documents"), Posts = 1, Gets = 4, Seconds = (9.7, 9.9),
        },
        new(FaultStage.Poll, "an HTML 502 page from the gateway, then completed")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Html(HtmlBadGateway, 502), Json(Completed)); }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (3.7, 3.9),
        },
        new(FaultStage.Poll, "HTTP 200 whose envelope says code 500")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Envelope("processing", envelopeCode: 500))); }),
            Act = Generate(), Expect = Fails<PhotonServerException>(status: 200, id: Issued, says: "answered HTTP 200 with code 500"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "status flaps: processing, created, processing, completed")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Created));
                r.Api.Answer(ResultRequest, Json(Processing), Json(Created), Json(Processing), Json(Completed));
            }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 4, Seconds = (3.6, 3.8),
            Then = (_, result) => { Assert.Equal(4, Assert.IsType<ImageGenerationResult>(result).PollCount); return Task.CompletedTask; },
        },
        new(FaultStage.Poll, "a status the SDK does not know, then completed")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Envelope("queued_for_gpu")), Json(Completed)); }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (3, 3.2),
        },
        new(FaultStage.Poll, "completed with no outputs")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Envelope("completed"))); }),
            Act = Generate(), Expect = Fails<PhotonServerException>(id: Issued, says: "without outputs"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "an output that is not an http(s) URL")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(CompletedAt("ftp://cdn.example.com/out.png"))); }),
            Act = Generate(), Expect = Fails<PhotonServerException>(id: Issued, says: "neither an http(s) URL nor base64"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "invalid base64 output with ResponseFormat.Data")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(CompletedAt("iVBORw0KGgo!!not*base64"))); }),
            Act = Generate(new GenerationOptions { ResponseFormat = ImageResponseFormat.Data }),
            Expect = Fails<PhotonServerException>(id: Issued, says: "neither an http(s) URL nor base64"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "failed with a task code the SDK does not know")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Envelope("failed", code: 7777, error: "GPU fell over"))); }),
            Act = Generate(), Expect = Fails<PhotonPredictionFailedException>(task: 7777, id: Issued, says: "GPU fell over"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "401 in the middle of polling")
        {
            Arrange = Given(r => { r.Api.Answer(SubmitRequest, Json(Created)); r.Api.Answer(ResultRequest, Json(Processing), Json(PredictionJson.Error(401, "key revoked"), 401)); }),
            Act = Generate(), Expect = Fails<PhotonAuthenticationException>(status: 401, id: Issued, says: "key revoked"), Posts = 1, Gets = 2, Seconds = (3, 3.2),
        },
        new(FaultStage.Poll, "404 for an id")
        {
            Arrange = Given(r => r.Api.Answer(ResultRequest, Json(PredictionJson.Error(404, "task not found"), 404))),
            Act = Resume(), Expect = Fails<PhotonPredictionNotFoundException>(status: 404, id: Issued, says: "kept for 7 days"), Gets = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Poll, "503 with Retry-After in seconds, then completed")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Created));
                r.Api.Answer(ResultRequest, Json(PredictionJson.Error(503, "busy"), 503).WithHeader("Retry-After", "5"), Json(Completed));
            }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (7.7, 7.9),
        },
        new(FaultStage.Poll, "429 with Retry-After as an HTTP date, then completed")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Created));
                // The poll is sent at 2.7 s; the server asks it to come back at 11 s, 8.3 s later.
                r.Api.Answer(ResultRequest, Json(PredictionJson.Error(429, "slow down"), 429).WithHeader("Retry-After", HttpDate(WatchedClock.DefaultStart.AddSeconds(11))), Json(Completed));
            }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (11, 11.2),
        },
        new(FaultStage.Poll, "429 with an absurd Retry-After, capped at 60 s, then completed")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Created));
                r.Api.Answer(ResultRequest, Json(PredictionJson.Error(429, "slow down"), 429).WithHeader("Retry-After", "99999999"), Json(Completed));
            }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (62.7, 62.9),
        },
        new(FaultStage.Poll, "an answer that trickles past the attempt timeout")
        {
            Arrange = GivenRaw(SubmitThen(_ => RawReply.Trickle(200, TimeSpan.FromMilliseconds(20))), o => { o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5); o.Retry.MaxRetryAttempts = 1; }),
            Act = Generate(), Clock = ClockMode.Always,
            // Poll at 2.7 s, cut at 7.7 s; retry at 8.7 s, cut at 13.7 s.
            Expect = Fails<PhotonServerException>(id: Issued, says: "every attempt timed out"), Posts = 1, Gets = 2, Seconds = (13, 15),
        },
        new(FaultStage.Poll, "a body far larger than any real response")
        {
            Arrange = GivenRaw(_ => RawReply.Endless(200, """{"code":200,"message":"success","data":{"id":"5e2b8f1c0a9d4c7e8b3f6a1d2c4e9b70","outputs":[" """.TrimEnd(), FarTooLarge)),
            Act = Resume(), Expect = Fails<PhotonServerException>(id: Issued, says: "larger than"), Gets = 1, Seconds = (0, 0.2),
            Then = (r, _) => SubmitFaults.AssertStoppedReading(r.Raw!),
        },
        new(FaultStage.Poll, "the wait's bound passes while processing")
        {
            Arrange = Given(r =>
            {
                r.Api.Answer(SubmitRequest, Json(Created));
                r.Api.Answer(ResultRequest, Json(Processing));
                r.Configure(o => o.Polling.Timeout = TimeSpan.FromSeconds(30));
            }),
            Act = Generate(), Expect = Fails<PhotonWaitTimeoutException>(id: Issued, says: "resume the wait"), Posts = 1, Gets = 12, Seconds = (30, 30.2),
        },
        new(FaultStage.Poll, "emulator: the prediction fails with task code 5003")
        {
            Arrange = r => r.StartEmulatorAsync(o => { o.Faults.FailureRate = 1; o.Faults.FailureCode = 5003; }),
            Act = Generate(), Expect = Fails<PhotonServerException>(task: 5003, id: Issued, says: "Submitting again usually works"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "emulator: content moderation")
        {
            Arrange = r => r.StartEmulatorAsync(o => o.Faults.ModerationWords.Add("lighthouse")),
            Act = Generate(), Expect = Fails<PhotonContentModerationException>(task: 1200, id: Issued, says: "Rephrase"), Posts = 1, Gets = 1, Seconds = (2.7, 2.9),
        },
        new(FaultStage.Poll, "emulator: an injected 503 on one poll, then completed")
        {
            // Seed 62 spares the first request (the submit) and the third, and fails the second (the first poll).
            Arrange = r => r.StartEmulatorAsync(o => { o.Seed = 62; o.Faults.ServerErrorRate = 0.5; }),
            Act = Generate(), Expect = Returns(Issued), Posts = 1, Gets = 2, Seconds = (3.7, 3.9),
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Poll_fault(string id) => FaultRunner.VerifyAsync(Cases, id);
}
