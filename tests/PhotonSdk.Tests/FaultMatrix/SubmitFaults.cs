using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;
using static PhotonSdk.Tests.FaultMatrix.Outcome;
using static PhotonSdk.Tests.FaultMatrix.PredictionIdOnOutcome;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// Faults on <c>POST /api/v3/{model}</c>. A submit is sent again only when the server provably did not take it (429, a
/// refused connection, a name that does not resolve); after anything else the SDK says the prediction may exist.
/// </summary>
public sealed class SubmitFaults
{
    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new(FaultStage.Submit, "accepted at once")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(Created))),
            Act = Submit(), Expect = Returns(Issued), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "connection reset in the middle of the body")
        {
            Arrange = GivenRaw(_ => RawReply.ResetMidBody(200, """{"code":200,"message":"success","data":{"id":"5e2b8f1""", declaredLength: 600)),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "connection reset after the request, before any answer")
        {
            Arrange = GivenRaw(_ => RawReply.ResetBeforeAnswer),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "connection closed after the request, before any answer")
        {
            Arrange = GivenRaw(_ => RawReply.CloseBeforeAnswer),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "truncated JSON")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json("""{"code":200,"message":"success","data":{"id":"5e2b8f1c0a"""))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200, says: "could not be read"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "an HTML 502 page from the gateway")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Html(HtmlBadGateway, 502))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 502, says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "HTTP 200 whose envelope says code 500")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(Envelope("created", envelopeCode: 500)))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200, id: Issued, says: "with code 500"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "HTTP 200 with a JSON null body")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json("null"))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "HTTP 200 without data")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json("""{"code":200,"message":"success"}"""))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200, says: "without a prediction id"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "HTTP 200 with an empty body")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Response.Create().WithFault(FaultType.EMPTY_RESPONSE))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200, says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "HTTP 200, then garbage instead of a body")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 200, says: "may have created"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "a body far larger than any real response")
        {
            Arrange = GivenRaw(_ => RawReply.Endless(200, """{"code":200,"message":"success","data":{"id":""", FarTooLarge)),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(says: "larger than"), Posts = 1, Seconds = (0, 0.5),
            Then = (r, _) => AssertStoppedReading(r.Raw!),
        },
        new(FaultStage.Submit, "503 with Retry-After is not sent again")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(PredictionJson.Error(503, "busy"), 503).WithHeader("Retry-After", "2"))),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 503), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "401 for a key that is not activated")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(PredictionJson.Error(401, "Invalid API key"), 401))),
            Act = Submit(), Expect = Fails<PhotonAuthenticationException>(status: 401, says: "topped up"), Posts = 1, Seconds = (0, 0.2),
        },
        new(FaultStage.Submit, "429 with Retry-After in seconds, then accepted")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(PredictionJson.Error(429, "slow down"), 429).WithHeader("Retry-After", "7"), Json(Created))),
            Act = Submit(), Expect = Returns(Issued), Posts = 2, Seconds = (7, 7.3), SubmitProvablyNotTaken = true,
        },
        new(FaultStage.Submit, "429 with an absurd Retry-After waits 60 s, then accepted")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(PredictionJson.Error(429, "slow down"), 429).WithHeader("Retry-After", "31536000"), Json(Created))),
            Act = Submit(), Expect = Returns(Issued), Posts = 2, Seconds = (60, 60.3), SubmitProvablyNotTaken = true,
        },
        new(FaultStage.Submit, "429 that persists")
        {
            Arrange = Given(r => r.Api.Answer(SubmitRequest, Json(PredictionJson.Error(429, "Too many requests"), 429).WithHeader("Retry-After", "4"))),
            Act = Submit(), Expect = Fails<PhotonRateLimitedException>(status: 429, says: "try again in 4 s") with { RetryAfter = TimeSpan.FromSeconds(4) },
            Posts = 4, Seconds = (12, 12.3), SubmitProvablyNotTaken = true,
        },
        new(FaultStage.Submit, "connection refused")
        {
            Arrange = Given(r => r.BaseUrl = new Uri($"http://127.0.0.1:{RefusingPort()}/")),
            Act = Submit(), Expect = Fails<PhotonException>(says: "ConnectionError"), Posts = 0, Seconds = (7, 7.3), SubmitProvablyNotTaken = true,
            Then = (_, error) => AssertNetworkError(error, HttpRequestError.ConnectionError),
        },
        new(FaultStage.Submit, "a host name that does not resolve")
        {
            Arrange = Given(r => r.BaseUrl = new Uri("http://photon-emulator.invalid:1/")),
            Act = Submit(), Expect = Fails<PhotonException>(says: "NameResolutionError"), Posts = 0, Seconds = (7, 7.3), SubmitProvablyNotTaken = true,
            Then = (_, error) => AssertNetworkError(error, HttpRequestError.NameResolutionError),
        },
        new(FaultStage.Submit, "emulator: a 503 after the prediction was created")
        {
            // Seed 103 draws a server error for the first request (the submit) and none for the second (the history read).
            Arrange = r => r.StartEmulatorAsync(o => { o.Seed = 103; o.Faults.ServerErrorRate = 0.5; o.Faults.ServerErrorKeepsSubmission = true; }),
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(status: 503, says: "Check the history"), Posts = 1, Seconds = (0, 0.2),
            Then = async (r, _) => Assert.Single((await r.Client.GetHistoryAsync()).Items),
        },
        new(FaultStage.Submit, "emulator: an answer slower than the attempt timeout")
        {
            Arrange = async r =>
            {
                await r.StartEmulatorAsync(o => { o.Faults.SlowResponseRate = 1; o.Faults.SlowResponseDelay = TimeSpan.FromSeconds(60); });
                r.Configure(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5));
            },
            Act = Submit(), Expect = Fails<PhotonSubmissionUncertainException>(says: "timed out"), Posts = 1, Seconds = (5, 6.5), Clock = ClockMode.Always,
        },
    ];

    public static TheoryData<string> Ids => FaultRunner.Ids(Cases);

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Submit_fault(string id) => FaultRunner.VerifyAsync(Cases, id);

    internal static Task AssertStoppedReading(RawHttpServer server)
    {
        // The client gave up near the 32 MiB bound; what else was sent sat in socket buffers.
        Assert.InRange(server.BodyBytesSent, 32L * 1024 * 1024, 48L * 1024 * 1024);
        return Task.CompletedTask;
    }

    private static Task AssertNetworkError(object? error, HttpRequestError kind)
    {
        var inner = Assert.IsType<HttpRequestException>(Assert.IsAssignableFrom<PhotonException>(error).InnerException);
        Assert.Equal(kind, inner.HttpRequestError);
        return Task.CompletedTask;
    }
}
