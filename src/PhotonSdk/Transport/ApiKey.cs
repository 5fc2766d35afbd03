namespace PhotonSdk.Transport;

/// <summary>Holds the API key so that it can only reach the Authorization header, never a string conversion.</summary>
internal sealed class ApiKey
{
    private readonly string _value;

    public ApiKey(string value) => _value = value;

    public System.Net.Http.Headers.AuthenticationHeaderValue ToAuthorizationHeader() => new("Bearer", _value);

    /// <summary>Removes the key from text that may have echoed it, such as a response body.</summary>
    public string Redact(string text) => _value.Length == 0 ? text : text.Replace(_value, "***", StringComparison.Ordinal);

    public override string ToString() => "***";
}
