using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace PhotonSdk.Tests.Resilience;

public sealed class RetryScenarioTests : WireMockTestBase
{
    [Fact]
    public async Task A_429_with_Retry_After_on_a_poll_waits_that_long_and_polls_again()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath),
            Json(PredictionJson.Error(429, "rate limited"), 429).WithHeader("Retry-After", "7"),
            Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, result.PredictionId);
        Assert.Equal(2, Count("GET", ResultPath));
        // The first poll at 2.7 s (Photon Flash is expected at 3 s) + 7 s Retry-After.
        Assert.Equal(TimeSpan.FromSeconds(9.7), Elapsed);
    }

    [Fact]
    public async Task An_absurd_Retry_After_is_capped_at_sixty_seconds()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath),
            Json(PredictionJson.Error(429, "rate limited"), 429).WithHeader("Retry-After", "410000"),
            Json(PredictionJson.Completed()));

        await Drive(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(TimeSpan.FromSeconds(62.7), Elapsed);
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        var date = WatchedClock.DefaultStart.AddSeconds(2 + 5).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        Sequence(Get(ResultPath), Json(PredictionJson.Error(429, "slow down"), 429).WithHeader("Retry-After", date), Json(PredictionJson.Completed()));

        await Drive(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(TimeSpan.FromSeconds(7), Elapsed);
    }

    [Fact]
    public async Task A_429_on_submit_is_sent_again_because_the_server_did_not_take_it()
    {
        Sequence(Post(FlashPath), Json(PredictionJson.Error(429, "rate limited"), 429).WithHeader("Retry-After", "3"), Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, result.PredictionId);
        Assert.Equal(2, Count("POST", FlashPath));
    }

    [Fact]
    public async Task A_429_on_submit_that_persists_ends_as_rate_limited_with_the_delay()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Error(429, "Too many requests"), 429).WithHeader("Retry-After", "4"));

        var error = await DriveThrows<PhotonRateLimitedException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(TimeSpan.FromSeconds(4), error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Null(error.PredictionId);
        Assert.Equal(4, Count("POST", FlashPath));
        Assert.Contains("try again in 4 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_5xx_on_a_poll_is_retried(int status)
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath), Json(PredictionJson.Error(status, "upstream trouble"), status), Json(PredictionJson.Error(status, "upstream trouble"), status), Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, result.PredictionId);
        Assert.Equal(3, Count("GET", ResultPath));
        // The first poll at 2.7 s, then backoff of 1 s and 2 s.
        Assert.Equal(TimeSpan.FromSeconds(5.7), Elapsed);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_5xx_on_submit_is_not_sent_again_and_says_the_prediction_may_exist(int status)
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Error(status, "gateway trouble"), status));

        var error = await DriveThrows<PhotonSubmissionUncertainException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(1, Count("POST", FlashPath));
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("may have created", error.Message, StringComparison.Ordinal);
        Assert.Equal("luma/photon-flash", error.ModelId);
    }

    [Fact]
    public async Task Malformed_json_on_submit_is_uncertain_and_not_sent_again()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json("{\"code\":200,\"data\":{\"id\":\"64"));

        await DriveThrows<PhotonSubmissionUncertainException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(1, Count("POST", FlashPath));
    }

    [Fact]
    public async Task Malformed_json_on_a_poll_is_retried_then_reported_with_the_id()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json("<html>502 Bad Gateway</html>"));

        var error = await DriveThrows<PhotonServerException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(4, Count("GET", ResultPath));
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Contains("<html>502", error.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_200_carrying_envelope_code_500_is_a_server_error()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("processing", envelopeCode: 500)));

        var error = await DriveThrows<PhotonServerException>(Client.GenerateAsync("A lighthouse"));

        // StatusCode is only ever the HTTP status; the envelope's code, which chose the exception's type, is ApiCode.
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(500, error.ApiCode);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal(1, Count("GET", ResultPath));
    }

    [Fact]
    public async Task A_401_is_an_authentication_error_with_the_top_up_hint_and_without_the_key()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Error(401, $"invalid api key {ApiKey}"), 401));

        var error = await DriveThrows<PhotonAuthenticationException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("topped up", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ResponseExcerpt ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Count("POST", FlashPath));
    }

    [Fact]
    public async Task A_server_message_with_its_own_full_stop_reads_as_one_sentence()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Error(401, "Unauthorized: invalid API key."), 401));

        var error = await DriveThrows<PhotonAuthenticationException>(Client.GenerateAsync("A lighthouse"));

        Assert.Contains("HTTP 401: Unauthorized: invalid API key. Check the key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_for_an_id_says_no_such_prediction()
    {
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Error(404, "task not found"), 404));

        var error = await DriveThrows<PhotonPredictionNotFoundException>(Client.GetPrediction(PredictionJson.Id).WaitForCompletionAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal(1, Count("GET", ResultPath));
    }

    [Fact]
    public async Task A_400_on_submit_is_an_invalid_request_with_the_servers_words()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json("{\"error\":\"webhook callback does not support base64 output\"}", 400));

        var error = await DriveThrows<PhotonInvalidRequestException>(Client.GenerateAsync("A lighthouse"));

        Assert.Contains("webhook callback does not support base64 output", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count("POST", FlashPath));
    }

    [Fact]
    public async Task A_refused_connection_on_submit_is_retried_because_nothing_was_sent()
    {
        var port = Server.Port;
        Server.Stop();
        var client = CreateClient(o => o.BaseUrl = new Uri($"http://127.0.0.1:{port}"));

        var error = await DriveThrows<PhotonException>(client.GenerateAsync("A lighthouse"));

        Assert.IsNotType<PhotonSubmissionUncertainException>(error);
        var inner = Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(HttpRequestError.ConnectionError, inner.HttpRequestError);
        // Three retries with 1, 2 and 4 s of backoff.
        Assert.Equal(TimeSpan.FromSeconds(7), Elapsed);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        Client = CreateClient(o => o.Retry.MaxRetryAttempts = 0);
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Error(503, "busy"), 503));

        await DriveThrows<PhotonServerException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(1, Count("GET", ResultPath));
    }
}
