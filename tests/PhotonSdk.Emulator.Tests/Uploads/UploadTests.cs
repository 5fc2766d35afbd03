using System.Net;
using System.Net.Http.Headers;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Uploads;

public sealed class UploadTests
{
    private static readonly byte[] FileBytes = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task Two_step_upload_puts_without_auth_and_serves_the_same_bytes()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var ticketResponse = await session.Api.PostAsync("media/uploads", Json.Body(new { filename = "cat.png", size = FileBytes.Length, content_type = "image/png" }));
        var ticket = (await Json.ReadObjectAsync(ticketResponse))["data"]!;
        var upload = ticket["upload"]!;
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.StringAt("url")) { Content = new ByteArrayContent(FileBytes) };
        foreach (var (name, value) in upload["headers"]!.AsObject())
        {
            put.Content.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
        }

        using var putResponse = await session.Anonymous.SendAsync(put);
        using var download = await session.Anonymous.GetAsync(ticket.StringAt("download_url"));

        Assert.Equal(HttpStatusCode.OK, ticketResponse.StatusCode);
        Assert.Equal("image", ticket.StringAt("type"));
        Assert.Equal("cat.png", ticket.StringAt("filename"));
        Assert.Equal(FileBytes.Length, ticket.NumberAt("size"));
        Assert.Equal("PUT", upload.StringAt("method"));
        Assert.Equal("image/png", upload["headers"].StringAt("Content-Type"));
        Assert.True(DateTimeOffset.Parse(upload.StringAt("expires_at"), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        Assert.Equal(session.Emulator.BaseUrl.Authority, new Uri(upload.StringAt("url")).Authority);
        Assert.Equal(HttpStatusCode.OK, putResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FileBytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_put_whose_size_differs_from_the_ticket_is_refused_and_nothing_is_served()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var ticketResponse = await session.Api.PostAsync("media/uploads", Json.Body(new { filename = "cat.png", size = FileBytes.Length }));
        var ticket = (await Json.ReadObjectAsync(ticketResponse))["data"]!;

        using var shortPut = await session.Anonymous.PutAsync(ticket["upload"].StringAt("url"), new ByteArrayContent(FileBytes[..100]));
        using var download = await session.Anonymous.GetAsync(ticket.StringAt("download_url"));

        Assert.Equal(HttpStatusCode.BadRequest, shortPut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task An_upload_url_expires_an_hour_after_the_ticket()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => o.TimeProvider = clock);
        using var ticketResponse = await session.Api.PostAsync("media/uploads", Json.Body(new { filename = "cat.png", size = FileBytes.Length }));
        var ticket = (await Json.ReadObjectAsync(ticketResponse))["data"]!;

        clock.Advance(TimeSpan.FromMinutes(61));
        using var late = await session.Anonymous.PutAsync(ticket["upload"].StringAt("url"), new ByteArrayContent(FileBytes));

        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMinutes(1), DateTimeOffset.Parse(ticket["upload"].StringAt("expires_at"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task A_put_with_another_content_type_than_the_ticket_headers_is_refused()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var ticketResponse = await session.Api.PostAsync("media/uploads", Json.Body(new { filename = "cat.png", size = FileBytes.Length, content_type = "image/png" }));
        var ticket = (await Json.ReadObjectAsync(ticketResponse))["data"]!;
        var content = new ByteArrayContent(FileBytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var put = await session.Anonymous.PutAsync(ticket["upload"].StringAt("url"), content);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task A_ticket_larger_than_the_limit_is_answered_413()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.MaxUploadBytes = 1000);

        using var response = await session.Api.PostAsync("media/uploads", Json.Body(new { filename = "big.png", size = 1001 }));
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, body.NumberAt("code"));
    }

    [Fact]
    public async Task A_ticket_without_a_filename_is_answered_400()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("media/uploads", Json.Body(new { size = 10 }));
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("filename", body.StringAt("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_multipart_upload_returns_the_file_and_serves_it()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(FileBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");

        using var response = await session.Api.PostAsync("media/upload/binary", form);
        var data = (await Json.ReadObjectAsync(response))["data"]!;
        using var download = await session.Anonymous.GetAsync(data.StringAt("download_url"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image", data.StringAt("type"));
        Assert.Equal("photo.jpg", data.StringAt("filename"));
        Assert.Equal(FileBytes.Length, data.NumberAt("size"));
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FileBytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Legacy_upload_over_the_limit_is_answered_413()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.MaxUploadBytes = 1000);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(FileBytes), "file", "photo.png" } };

        using var response = await session.Api.PostAsync("media/upload/binary", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Legacy_upload_without_the_file_field_is_answered_400()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(FileBytes), "image", "photo.png" } };

        using var response = await session.Api.PostAsync("media/upload/binary", form);
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1400, body["data"].NumberAt("code"));
    }

    [Fact]
    public async Task A_modify_prediction_of_an_uploaded_image_completes_and_of_a_missing_one_fails_with_1402()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(FileBytes), "file", "photo.png" } };
        using var uploaded = await session.Api.PostAsync("media/upload/binary", form);
        var downloadUrl = (await Json.ReadObjectAsync(uploaded))["data"].StringAt("download_url");
        var missingUrl = new Uri(session.Emulator.BaseUrl, "storage/media/0123456789abcdef0123456789abcdef/gone.png").AbsoluteUri;

        var good = await session.SubmitAsync("luma/photon-modify", new { prompt = "make it night", image = downloadUrl, enable_sync_mode = true });
        var bad = await session.SubmitAsync("luma/photon-modify", new { prompt = "make it night", image = missingUrl, enable_sync_mode = true });

        Assert.Equal("completed", good.StringAt("status"));
        Assert.Equal("failed", bad.StringAt("status"));
        Assert.Equal(1402, bad.NumberAt("code"));
        Assert.NotEqual("", bad.StringAt("error"));
    }
}
