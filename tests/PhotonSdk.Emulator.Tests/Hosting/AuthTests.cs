using System.Net;
using System.Net.Http.Headers;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Hosting;

public sealed class AuthTests
{
    [Theory]
    [InlineData("GET", "balance")]
    [InlineData("GET", "webhook/secret")]
    [InlineData("GET", "predictions/abc/result")]
    [InlineData("POST", "luma/photon-flash")]
    [InlineData("POST", "predictions")]
    [InlineData("POST", "predictions/delete")]
    [InlineData("POST", "media/uploads")]
    [InlineData("POST", "media/upload/binary")]
    public async Task Every_api_endpoint_answers_401_without_a_key(string method, string path)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(session.Emulator.ApiBaseUrl, path))
        {
            Content = method == "POST" ? Json.Body(new { prompt = "x" }) : null,
        };

        using var response = await session.Anonymous.SendAsync(request);
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, body.NumberAt("code"));
        Assert.False(string.IsNullOrEmpty(body.StringAt("message")));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_malformed_or_empty_bearer_is_refused(string header)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUrl, "balance"));
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await session.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task By_default_any_non_empty_key_is_accepted()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUrl, "balance"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "whatever-1234");

        using var response = await session.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_configured_keys_only_those_are_accepted()
    {
        await using var session = await EmulatorSession.StartAsync(o => { o.ApiKeys.Add("key-one"); o.ApiKeys.Add(EmulatorSession.ApiKey); });
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUrl, "balance"));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "key-two");
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUrl, "balance"));
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "key-one");

        using var wrongResponse = await session.Anonymous.SendAsync(wrong);
        using var rightResponse = await session.Anonymous.SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(401, (await Json.ReadObjectAsync(wrongResponse)).NumberAt("code"));
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
    }
}
