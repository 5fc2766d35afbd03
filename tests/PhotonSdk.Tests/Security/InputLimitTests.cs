using PhotonSdk.Emulator;
using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace PhotonSdk.Tests.Security;

/// <summary>
/// Size limits on what the caller hands the SDK: a prompt over <see cref="PhotonClientOptions.MaxPromptLength"/> and a
/// file over <see cref="PhotonClientOptions.MaxUploadBytes"/> fail at once, naming the parameter and the limit, with
/// nothing sent and, for a stream of unknown length, no more read than the limit; a server's own limit comes back as
/// an invalid request. Client/InputValidationTests and Uploads/UploadTests cover the defaults.
/// </summary>
public sealed class InputLimitTests : WireMockTestBase
{
    private const int PromptLimit = 100;
    private const int UploadLimit = 256 * 1024;

    public static TheoryData<string> PromptCalls => new() { "generate", "submit", "generate in sync mode" };

    private Task Call(string call, string prompt) => call switch
    {
        "generate" => Drive(Client.GenerateAsync(prompt)),
        "submit" => Client.SubmitAsync(prompt),
        _ => Drive(Client.GenerateAsync(prompt, new GenerationOptions { SyncMode = true })),
    };

    [Theory]
    [MemberData(nameof(PromptCalls))]
    public async Task A_prompt_one_character_over_the_limit_is_refused_before_anything_is_sent(string call)
    {
        Client = CreateClient(o => o.MaxPromptLength = PromptLimit);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(call, new string('a', PromptLimit + 1)));

        Assert.Equal("prompt", error.ParamName);
        Assert.Contains($"{PromptLimit + 1} characters long; at most {PromptLimit}", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_prompt_at_the_limit_is_sent_whole()
    {
        Client = CreateClient(o => o.MaxPromptLength = PromptLimit);
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        var prompt = new string('a', PromptLimit);

        await Client.SubmitAsync(prompt);

        Assert.Contains($"\"prompt\":\"{prompt}\"", Assert.Single(Requests).RequestMessage!.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_over_the_upload_limit_is_refused_having_read_no_more_than_the_limit()
    {
        Client = CreateClient(o => o.MaxUploadBytes = UploadLimit);
        var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.UploadAsync(endless, "cat.png"));

        Assert.Equal("content", error.ParamName);
        Assert.Contains($"larger than {UploadLimit} bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(endless.BytesRead, UploadLimit, UploadLimit + (128 * 1024));
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_file_exactly_at_the_upload_limit_is_sent()
    {
        Client = CreateClient(o => o.MaxUploadBytes = UploadLimit);
        Server.Given(Post("/api/v3/media/uploads")).RespondWith(Json(FaultMatrix.FaultKit.Ticket($"{Server.Url}/storage/cat.png", UploadLimit)));
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/storage/cat.png").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));

        var uploaded = await Client.UploadAsync(new MemoryStream(new byte[UploadLimit]), "cat.png");

        Assert.Equal(UploadLimit, uploaded.Size);
        Assert.Equal(UploadLimit, Requests.Single(r => r.RequestMessage!.Method == "PUT").RequestMessage!.BodyAsBytes!.Length);
    }

    [Fact]
    public async Task The_servers_own_upload_limit_comes_back_as_an_invalid_request_naming_both_sizes()
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0, MaxUploadBytes = 1024 });
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = emulator.BaseUrl });

        var error = await Assert.ThrowsAsync<PhotonInvalidRequestException>(() => client.UploadAsync(new MemoryStream(new byte[4096]), "cat.png"));

        Assert.Equal(413, error.StatusCode);
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that never ends and cannot seek, counting what was read from it.</summary>
    private sealed class EndlessStream : NonSeekableStream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }
    }
}
