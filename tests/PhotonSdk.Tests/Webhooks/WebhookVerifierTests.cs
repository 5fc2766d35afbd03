using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_test_secret";
    private const string Id = "msg_1";
    private const string Timestamp = "1700000000";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"id":"abc","model":"luma/photon-flash","status":"completed","outputs":["https://cdn.example.com/a.png"]}""");

    // Computed independently of the SDK: HMAC-SHA256 keyed with "test_secret" (the secret without whsec_) over
    // "msg_1.1700000000.<body>".
    private const string Signature = "v3,76aded36a551616c2cfa8194ac0bc497008f03c17891d926a96da87bd11283b0";

    private static readonly FakeTimeProvider At = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public void A_genuine_fresh_webhook_verifies_and_yields_its_prediction()
    {
        var prediction = new WebhookVerifier(Secret, timeProvider: At).Verify(Id, Timestamp, Signature, Body);

        Assert.Equal("abc", prediction.Id);
        Assert.Equal(PredictionStatus.Completed, prediction.Status);
        Assert.Equal("https://cdn.example.com/a.png", Assert.Single(prediction.Outputs));
    }

    [Fact]
    public void The_secret_works_with_or_without_its_prefix_and_signs_the_fixed_vector()
    {
        Assert.Equal(Signature, new WebhookVerifier(Secret, timeProvider: At).Sign(Id, Timestamp, Body));
        Assert.Equal(Signature, new WebhookVerifier("test_secret", timeProvider: At).Sign(Id, Timestamp, Body));
    }

    [Fact]
    public void One_matching_signature_among_several_is_enough()
    {
        var prediction = new WebhookVerifier(Secret, timeProvider: At).Verify(Id, Timestamp, $"v3,{new string('0', 64)} {Signature}", Body);
        Assert.Equal("abc", prediction.Id);
    }

    public static TheoryData<string, string?, string?, string?, byte[], string> Forgeries => new()
    {
        { "changed body", Id, Timestamp, Signature, Encoding.UTF8.GetBytes("""{"id":"abd","status":"completed"}"""), "does not match" },
        { "changed id", "msg_2", Timestamp, Signature, Body, "does not match" },
        { "wrong version", Id, Timestamp, Signature.Replace("v3,", "v1,", StringComparison.Ordinal), Body, "does not match" },
        { "not hex", Id, Timestamp, "v3," + new string('z', 64), Body, "does not match" },
        { "no signature", Id, Timestamp, null, Body, "lacks" },
        { "no id", null, Timestamp, Signature, Body, "lacks" },
        { "bad timestamp", Id, "yesterday", Signature, Body, "Unix time" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_or_malformed_webhook_is_refused(string _, string? id, string? timestamp, string? signature, byte[] body, string message)
    {
        var error = Assert.Throws<PhotonWebhookException>(() => new WebhookVerifier(Secret, timeProvider: At).Verify(id, timestamp, signature, body));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301, "too long ago")]
    [InlineData(-301, "in the future")]
    public void Stale_and_future_timestamps_are_refused(int secondsFromSend, string message)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + secondsFromSend));

        var error = Assert.Throws<PhotonWebhookException>(() => new WebhookVerifier(Secret, timeProvider: clock).Verify(Id, Timestamp, Signature, Body));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(299)]
    [InlineData(-299)]
    public void Timestamps_within_the_tolerance_are_accepted(int secondsFromSend)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + secondsFromSend));
        Assert.Equal("abc", new WebhookVerifier(Secret, timeProvider: clock).Verify(Id, Timestamp, Signature, Body).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    public void An_empty_secret_is_refused(string secret) =>
        Assert.Throws<ArgumentException>(() => new WebhookVerifier(secret));
}
