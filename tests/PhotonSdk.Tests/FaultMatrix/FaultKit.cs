using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PhotonSdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>The words the matrix's rows are written in: requests, canned answers and the calls under test.</summary>
public static class FaultKit
{
    /// <summary>The matrix's own prediction id, so that no other test's listener mistakes its traces for their own.</summary>
    public const string PredictionId = "5e2b8f1c0a9d4c7e8b3f6a1d2c4e9b70";

    public const string FlashPath = "/api/v3/luma/photon-flash";
    public const string ResultPath = "/api/v3/predictions/" + PredictionId + "/result";
    public const string TicketPath = "/api/v3/media/uploads";
    public const string Prompt = "A lighthouse at dawn";
    public const string HtmlBadGateway = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    /// <summary>A response far larger than any real one: the SDK's bound on API responses is 32 MiB.</summary>
    public const long FarTooLarge = 256L * 1024 * 1024;

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    public static IRequestBuilder SubmitRequest => Request.Create().WithPath(FlashPath).UsingPost();

    public static IRequestBuilder ResultRequest => Request.Create().WithPath(ResultPath).UsingGet();

    public static IRequestBuilder TicketRequest => Request.Create().WithPath(TicketPath).UsingPost();

    public static IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet();

    public static IRequestBuilder Put(string path) => Request.Create().WithPath(path).UsingPut();

    public static string Created => Envelope("created");

    public static string Processing => Envelope("processing");

    public static string Completed => CompletedAt(PredictionJson.OutputUrl);

    /// <summary>A prediction envelope of the matrix's prediction.</summary>
    public static string Envelope(string status, string[]? outputs = null, int code = 0, string error = "", int envelopeCode = 200) =>
        PredictionJson.Envelope(status, outputs: outputs, code: code, error: error, id: PredictionId, envelopeCode: envelopeCode);

    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static IResponseBuilder Html(string body, int status) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html").WithBody(body);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    /// <summary>An upload ticket whose presigned PUT goes to <paramref name="storage"/>.</summary>
    public static string Ticket(string storage, long size = 13) => new JsonObject
    {
        ["code"] = 200,
        ["message"] = "success",
        ["data"] = new JsonObject
        {
            ["type"] = "image",
            ["download_url"] = "https://cdn.example.com/u/cat.png",
            ["filename"] = "cat.png",
            ["size"] = size,
            ["upload"] = new JsonObject
            {
                ["method"] = "PUT",
                ["url"] = storage,
                ["headers"] = new JsonObject { ["Content-Type"] = "image/png" },
                ["expires_at"] = "2026-11-23T13:00:00Z",
            },
        },
    }.ToJsonString();

    /// <summary>Answers successive requests to one route with successive responses, the last one repeating.</summary>
    public static void Answer(this WireMockServer server, IRequestBuilder request, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = server.Given(request).InScenario(scenario);
            if (i > 0) mapping = mapping.WhenStateIs($"step{i}");
            if (i < responses.Length - 1) mapping = mapping.WillSetStateTo($"step{i + 1}");
            mapping.RespondWith(responses[i]);
        }
    }

    /// <summary>An arrangement that needs no awaiting.</summary>
    public static Func<FaultRig, Task> Given(Action<FaultRig> arrange) => rig =>
    {
        arrange(rig);
        return Task.CompletedTask;
    };

    /// <summary>Points the client at the raw server that <paramref name="script"/> drives.</summary>
    public static Func<FaultRig, Task> GivenRaw(Func<RawRequest, RawReply> script, Action<PhotonClientOptions>? configure = null) => Given(rig =>
    {
        rig.BaseUrl = rig.StartRaw(script).Url;
        if (configure is not null) rig.Configure(configure);
    });

    /// <summary>The created answer to a submit, then <paramref name="polls"/> for the result reads, on the raw server.</summary>
    public static Func<RawRequest, RawReply> SubmitThen(Func<RawRequest, RawReply> polls) =>
        request => request.Method == "POST" ? RawReply.Full(200, Created) : polls(request);

    public static Func<FaultRig, CancellationToken, Task<object?>> Submit(GenerationOptions? options = null) =>
        async (rig, cancellationToken) => await rig.Client.SubmitAsync(Prompt, options, cancellationToken);

    public static Func<FaultRig, CancellationToken, Task<object?>> Generate(GenerationOptions? options = null) =>
        async (rig, cancellationToken) => await rig.Client.GenerateAsync(Prompt, options, cancellationToken);

    /// <summary>Resumes a prediction by its id, as another process would.</summary>
    public static Func<FaultRig, CancellationToken, Task<object?>> Resume() =>
        async (rig, cancellationToken) => await rig.Client.GetPrediction(PredictionId).WaitForCompletionAsync(cancellationToken: cancellationToken);

    public static Func<FaultRig, CancellationToken, Task<object?>> Upload() =>
        async (rig, cancellationToken) => await rig.Client.UploadAsync(new MemoryStream(Png), "cat.png", cancellationToken: cancellationToken);

    /// <summary>Generates an image and saves it into the rig's scratch directory.</summary>
    public static Func<FaultRig, CancellationToken, Task<object?>> GenerateAndSave() => async (rig, cancellationToken) =>
    {
        var result = await rig.Client.GenerateAsync(Prompt, null, cancellationToken);
        // File writes finish on the thread pool, outside any request; the fake clock must not run on meanwhile.
        using var fileWrites = rig.Busy();
        await rig.Client.SaveAsync(result, rig.Scratch + Path.DirectorySeparatorChar, cancellationToken);
        return result;
    };

    /// <summary>A completed prediction whose output lives at <paramref name="outputUrl"/>.</summary>
    public static string CompletedAt(string outputUrl) => Envelope("completed", outputs: [outputUrl]);

    public static string HttpDate(DateTimeOffset at) => at.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>A loopback port nothing listens on: bound once to learn a free one, then released.</summary>
    public static int RefusingPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Task NoFileLeft(FaultRig rig, object? outcome)
    {
        Assert.Empty(Directory.GetFiles(rig.Scratch));
        return Task.CompletedTask;
    }
}
