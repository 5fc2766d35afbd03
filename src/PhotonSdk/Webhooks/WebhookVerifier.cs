using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PhotonSdk.Rest;

namespace PhotonSdk;

/// <summary>
/// Verifies WaveSpeed webhook requests: the <c>webhook-signature</c> header (<c>v3,&lt;hex&gt;</c>) must be the
/// HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>, keyed with the secret without its <c>whsec_</c>
/// prefix, and the timestamp must lie within the tolerance of now (300 s by default) in either direction, so that an
/// old request cannot be replayed. Signatures are compared in constant time.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>The header that carries the delivery id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header that carries the delivery time, in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The default tolerance between the delivery time and now.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    private const string SecretPrefix = "whsec_";
    private const string SignatureVersion = "v3";

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates a verifier for a webhook secret (from <c>GET /api/v3/webhook/secret</c>).</summary>
    /// <param name="secret">The secret, with or without its <c>whsec_</c> prefix.</param>
    /// <param name="tolerance">How far the delivery time may lie from now; default 300 s.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("The webhook secret is empty; an empty key would accept forged requests.", nameof(secret));
        if (tolerance is { } t && t <= TimeSpan.Zero) throw new ArgumentException("The tolerance must be positive.", nameof(tolerance));
        _key = Encoding.UTF8.GetBytes(key);
        _tolerance = tolerance ?? DefaultTolerance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Checks a webhook request and returns the prediction it carries.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signature">The <c>webhook-signature</c> header; several space-separated signatures are accepted.</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <returns>The prediction the webhook reports.</returns>
    /// <exception cref="PhotonWebhookException">The request is not a genuine, fresh WaveSpeed webhook.</exception>
    public PredictionSummary Verify(string? webhookId, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            throw new PhotonWebhookException($"The request lacks the {IdHeader}, {TimestampHeader} or {SignatureHeader} header.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new PhotonWebhookException($"The {TimestampHeader} header is not a Unix time in seconds.");

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        var skew = _time.GetUtcNow() - sent;
        if (skew.Duration() > _tolerance)
            throw new PhotonWebhookException($"The webhook was sent {(skew > TimeSpan.Zero ? "too long ago" : "in the future")}; requests more than {_tolerance.TotalSeconds:0} s from now are refused.");

        var expected = Compute(webhookId, timestamp, body);
        if (!signature.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(candidate => Matches(candidate, expected)))
            throw new PhotonWebhookException("The webhook signature does not match: the body was changed or the secret is wrong.");

        return Parse(body);
    }

    /// <summary>Computes the signature header value for a delivery; what a sender puts in <c>webhook-signature</c>.</summary>
    /// <param name="webhookId">The delivery id.</param>
    /// <param name="timestamp">The delivery time, in Unix seconds.</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The header value, <c>v3,&lt;hex&gt;</c>.</returns>
    public string Sign(string webhookId, string timestamp, ReadOnlySpan<byte> body) =>
        $"{SignatureVersion},{Convert.ToHexStringLower(Compute(webhookId, timestamp, body))}";

    private byte[] Compute(string webhookId, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, message);
    }

    private static bool Matches(string candidate, byte[] expected)
    {
        var comma = candidate.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !candidate.AsSpan(0, comma).Equals(SignatureVersion, StringComparison.Ordinal)) return false;
        var hex = candidate.AsSpan(comma + 1);
        if (hex.Length != expected.Length * 2) return false;
        byte[] actual;
        try
        {
            actual = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static PredictionSummary Parse(ReadOnlySpan<byte> body)
    {
        Prediction? prediction;
        try
        {
            prediction = JsonSerializer.Deserialize<Prediction>(body, WebhookJson.Options);
        }
        catch (JsonException e)
        {
            throw new PhotonWebhookException($"The webhook body is not a prediction: {e.Message}");
        }

        if (prediction is null || string.IsNullOrEmpty(prediction.Id)) throw new PhotonWebhookException("The webhook body has no prediction id.");
        return PredictionSummaryMapper.From(prediction);
    }

    private static class WebhookJson
    {
        public static readonly JsonSerializerOptions Options = new();
    }
}
