using System.Reflection;
using System.Runtime.InteropServices;

namespace PhotonSdk.Transport;

/// <summary>
/// The <c>X-Client-Name</c>, <c>X-Client-Version</c> and <c>X-Client-OS</c> headers every official WaveSpeed client sends,
/// so that the service can tell which client a request came from.
/// </summary>
internal sealed record ClientAttribution(string Name, string Version, string OperatingSystem)
{
    public const string DefaultName = "photon-sdk-dotnet";
    public const string NameEnvironmentVariable = "WAVESPEED_CLIENT_NAME";

    public static ClientAttribution Create(string? configuredName)
    {
        var name = Environment.GetEnvironmentVariable(NameEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : string.IsNullOrWhiteSpace(configuredName) ? DefaultName : configuredName;
        var assembly = typeof(ClientAttribution).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin"
            : "linux";
        return new ClientAttribution(name, version, os);
    }

    public void Apply(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("X-Client-Name", Name);
        request.Headers.TryAddWithoutValidation("X-Client-Version", Version);
        request.Headers.TryAddWithoutValidation("X-Client-OS", OperatingSystem);
    }
}
