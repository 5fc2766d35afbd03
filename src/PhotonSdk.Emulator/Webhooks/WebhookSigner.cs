using System.Security.Cryptography;
using System.Text;

namespace PhotonSdk.Emulator.Webhooks;

/// <summary>
/// Signs webhook bodies as the API documents: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>,
/// keyed with the UTF-8 bytes of the secret minus its <c>whsec_</c> prefix (not base64-decoded), sent as
/// <c>v3,&lt;lowercase hex&gt;</c>.
/// </summary>
internal sealed class WebhookSigner
{
    public const string SecretPrefix = "whsec_";
    private const string SignatureVersion = "v3";

    private readonly byte[] _key;

    public WebhookSigner(string secret)
    {
        Secret = secret;
        _key = Encoding.UTF8.GetBytes(secret[SecretPrefix.Length..]);
    }

    public string Secret { get; }

    /// <summary>A new random secret, as the API would issue one.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The value of the <c>webhook-signature</c> header for this message.</summary>
    public string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{webhookId}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return $"{SignatureVersion},{Convert.ToHexStringLower(HMACSHA256.HashData(_key, signed))}";
    }
}
