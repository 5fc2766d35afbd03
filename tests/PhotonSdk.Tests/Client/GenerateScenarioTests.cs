using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace PhotonSdk.Tests.Client;

public sealed class GenerateScenarioTests : WireMockTestBase
{
    [Fact]
    public async Task Created_then_processing_then_completed_returns_the_url_model_cost_and_timings()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse at dawn"));

        Assert.Equal(PredictionJson.Id, result.PredictionId);
        Assert.Equal("luma/photon-flash", result.ModelId);
        Assert.Equal(new Uri(PredictionJson.OutputUrl), result.Image.Url);
        Assert.Equal("image/png", result.Image.MediaType);
        Assert.Null(result.Image.Data);
        Assert.Equal(0.005m, result.CostUsd);
        Assert.Equal(3, result.PollCount);
        Assert.Equal(TimeSpan.FromMilliseconds(1980), result.Timings.Inference);
        Assert.Equal(TimeSpan.FromMilliseconds(2310), result.Timings.Execution);
        Assert.Equal(1, Count("POST", FlashPath));
        Assert.Equal(3, Count("GET", ResultPath));
        // Photon Flash is expected at 3 s: polls at 2.7, 3 and 3.3 s of fake time.
        Assert.Equal(TimeSpan.FromSeconds(3.3), Elapsed);
    }

    [Fact]
    public async Task Submit_sends_the_bearer_key_and_returns_a_handle_with_the_id_at_once()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));

        var handle = await Client.SubmitAsync("A lighthouse at dawn");

        Assert.Equal(PredictionJson.Id, handle.Id);
        Assert.Equal(PredictionStatus.Created, handle.Status);
        Assert.Equal("luma/photon-flash", handle.ModelId);
        var post = Assert.Single(Requests);
        Assert.Equal($"Bearer {ApiKey}", post.RequestMessage!.Headers!["Authorization"].Single());
        Assert.Equal(0, Count("GET", ResultPath));
    }

    [Fact]
    public async Task A_handle_rehydrated_from_an_id_reads_the_result_at_once()
    {
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed("luma/photon")));

        var handle = Client.GetPrediction(PredictionJson.Id);
        var result = await Drive(handle.WaitForCompletionAsync());

        Assert.Equal("luma/photon", result.ModelId);
        Assert.Equal(0.015m, result.CostUsd);
        Assert.Equal(1, result.PollCount);
        Assert.Equal(TimeSpan.Zero, Elapsed);
        Assert.Equal(0, Server.LogEntries.Count(e => e.RequestMessage!.Method == "POST"));
    }

    [Fact]
    public async Task UpdateStatusAsync_reads_once_and_tolerates_a_status_it_does_not_know()
    {
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("warming_up")));

        var status = await Client.GetPrediction(PredictionJson.Id).UpdateStatusAsync();

        Assert.Equal("warming_up", status.Value);
        Assert.False(status.IsKnown);
        Assert.False(status.IsTerminal);
        Assert.Equal(1, Count("GET", ResultPath));
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("cancelled")]
    [InlineData("timeout")]
    [InlineData("deleted")]
    public async Task Each_terminal_failure_status_ends_the_wait_with_the_id_status_and_server_text(string status)
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Envelope(status, code: 1403, error: "task execution failed")));

        var error = await DriveThrows<PhotonPredictionFailedException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(status, error.Status.Value);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal("task execution failed", error.ServerError);
        Assert.Equal(1403, error.TaskCode);
        Assert.Equal("luma/photon-flash", error.ModelId);
        Assert.Contains("task execution failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Count("GET", ResultPath));
    }

    [Fact]
    public async Task A_failed_prediction_with_task_code_1200_is_content_moderation()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("failed", code: 1200, error: "content flagged")));

        var error = await DriveThrows<PhotonContentModerationException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(1200, error.TaskCode);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Contains("Rephrase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_keeps_polling_until_the_bound_and_is_reported_by_name()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("warming_up")));

        var error = await DriveThrows<PhotonWaitTimeoutException>(
            Client.GenerateAsync("A lighthouse", new GenerationOptions { WaitTimeout = TimeSpan.FromSeconds(60) }));

        Assert.Equal("warming_up", error.LastStatus.Value);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Contains("warming_up", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), Elapsed);
        // Four polls from 2.7 to 3.6 s around the expected 3 s, then eleven more, 0.45 s apart and growing to 10 s.
        Assert.Equal(15, Count("GET", ResultPath));
    }

    [Fact]
    public async Task Sync_mode_answered_with_5004_falls_back_to_polling()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("processing", code: 5004,
            error: "Sync mode timed out after 90 seconds. The prediction is still processing asynchronously.")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { SyncMode = true }));

        Assert.Equal(new Uri(PredictionJson.OutputUrl), result.Image.Url);
        Assert.Equal(1, result.PollCount);
        Assert.Equal(1, Count("POST", FlashPath));
        Assert.Contains("\"enable_sync_mode\":true", Requests[0].RequestMessage!.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_mode_answered_with_the_completed_prediction_sends_no_poll()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Completed()));

        var result = await Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { SyncMode = true }));

        Assert.Equal(0, result.PollCount);
        Assert.Equal(0, Count("GET", ResultPath));
        Assert.Equal(TimeSpan.Zero, Elapsed);
    }

    [Fact]
    public async Task Base64_output_is_decoded_to_bytes_with_the_sniffed_media_type()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("completed", outputs: [Convert.ToBase64String(png), Convert.ToBase64String(jpeg)], nsfw: [false, true])));

        var result = await Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { ResponseFormat = ImageResponseFormat.Data }));

        Assert.Equal(png, result.Images[0].Data!.Value.ToArray());
        Assert.Equal("image/png", result.Images[0].MediaType);
        Assert.Null(result.Images[0].Url);
        Assert.Equal("image/jpeg", result.Images[1].MediaType);
        Assert.True(result.Images[1].IsNsfw);
        Assert.False(result.Images[0].IsNsfw);
        Assert.Equal(0.010m, result.CostUsd);
        Assert.Contains("\"enable_base64_output\":true", Requests[0].RequestMessage!.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completed_without_outputs_is_a_server_error_that_keeps_the_id()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("completed")));

        var error = await DriveThrows<PhotonServerException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Contains("without outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_neither_a_url_nor_base64_is_a_server_error()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("completed", outputs: ["not an image!"])));

        var error = await DriveThrows<PhotonServerException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Contains("neither an http(s) URL nor base64", error.Message, StringComparison.Ordinal);
    }
}
