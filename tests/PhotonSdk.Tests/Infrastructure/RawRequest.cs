namespace PhotonSdk.Tests.Infrastructure;

/// <summary>A request as the raw server read it.</summary>
public sealed record RawRequest(int Ordinal, string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];
}
