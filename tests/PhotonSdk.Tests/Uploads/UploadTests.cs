using System.Text;
using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace PhotonSdk.Tests.Uploads;

public sealed class UploadTests : WireMockTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    private string Ticket() =>
        """{"code":200,"message":"success","data":{"type":"image","download_url":"https://cdn.example.com/u/cat.png","filename":"cat.png","size":SIZE,"""
            .Replace("SIZE", Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) +
        """ "upload":{"method":"PUT","url":"URL/storage/cat.png?sig=abc","headers":{"Content-Type":"image/png","x-amz-acl":"private"},"expires_at":"2026-11-23T13:00:00Z"}}}"""
            .Replace("URL", Server.Url, StringComparison.Ordinal);

    [Fact]
    public async Task The_two_step_upload_puts_the_bytes_with_the_tickets_headers_and_no_authorization()
    {
        Server.Given(Post("/api/v3/media/uploads")).RespondWith(Json(Ticket()));
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/storage/cat.png").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));

        var uploaded = await Client.UploadAsync(new MemoryStream(Png), "cat.png");

        Assert.Equal(new Uri("https://cdn.example.com/u/cat.png"), uploaded.DownloadUrl);
        Assert.Equal(Png.Length, uploaded.Size);
        Assert.Equal("image", uploaded.Kind);
        var ticket = Requests.Single(r => r.RequestMessage!.Path == "/api/v3/media/uploads").RequestMessage!;
        Assert.Equal($"Bearer {ApiKey}", ticket.Headers!["Authorization"].Single());
        Assert.Contains($"\"size\":{Png.Length}", ticket.Body!, StringComparison.Ordinal);
        Assert.Contains("\"content_type\":\"image/png\"", ticket.Body!, StringComparison.Ordinal);
        var put = Requests.Single(r => r.RequestMessage!.Method == "PUT").RequestMessage!;
        Assert.False(put.Headers!.ContainsKey("Authorization"));
        Assert.Equal("private", put.Headers["x-amz-acl"].Single());
        Assert.Equal("image/png", put.Headers["Content-Type"].Single());
        Assert.Equal(Png, put.BodyAsBytes);
        Assert.Equal("abc", put.Query!["sig"].Single());
    }

    [Fact]
    public async Task A_server_without_tickets_gets_the_legacy_multipart_upload()
    {
        Server.Given(Post("/api/v3/media/uploads")).RespondWith(Json(PredictionJson.Error(404, "not found"), 404));
        Server.Given(Post("/api/v3/media/upload/binary")).RespondWith(Json(
            """{"code":200,"message":"success","data":{"type":"image","download_url":"https://cdn.example.com/legacy/cat.png","filename":"cat.png","size":13}}"""));

        var uploaded = await Client.UploadAsync(new MemoryStream(Png), "cat.png");

        Assert.Equal(new Uri("https://cdn.example.com/legacy/cat.png"), uploaded.DownloadUrl);
        var multipart = Requests.Single(r => r.RequestMessage!.Path == "/api/v3/media/upload/binary").RequestMessage!;
        Assert.StartsWith("multipart/form-data", multipart.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Contains("name=file", Encoding.Latin1.GetString(multipart.BodyAsBytes!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_anything_is_sent()
    {
        Client = CreateClient(o => o.MaxUploadBytes = 8);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.UploadAsync(new MemoryStream(Png), "cat.png"));

        Assert.Equal("content", error.ParamName);
        Assert.Empty(Server.LogEntries);
    }
}
