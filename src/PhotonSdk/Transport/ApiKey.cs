using System.Text.RegularExpressions;

namespace PhotonSdk.Transport;

/// <summary>Holds the API key so that it can only reach the Authorization header, never a string conversion.</summary>
internal sealed class ApiKey
{
    private readonly string _value;

    // Only the key as a whole token is removed: a short key must not mangle the words that happen to contain it.
    private readonly Regex? _occurrence;

    public ApiKey(string value)
    {
        _value = value;
        _occurrence = value.Length == 0
            ? null
            : new Regex($"(?<![A-Za-z0-9_-]){Regex.Escape(value)}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public System.Net.Http.Headers.AuthenticationHeaderValue ToAuthorizationHeader() => new("Bearer", _value);

    /// <summary>Removes the key from text that may have echoed it, such as a response body.</summary>
    public string Redact(string text) => _occurrence is null ? text : _occurrence.Replace(text, "***");

    public override string ToString() => "***";
}
