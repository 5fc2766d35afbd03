using PublicApiGenerator;
using Snapshooter.Xunit;

namespace PhotonSdk.Emulator.Tests.PublicApi;

/// <summary>The public surface of the package as text: any change to it shows up in review as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_PhotonSdk_Emulator()
    {
        var api = typeof(PhotonSdk.Emulator.WaveSpeedEmulator).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.Versioning.TargetFrameworkAttribute",
            ],
        });

        Snapshot.Match(api.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList());
    }
}
