using Microsoft.Extensions.DependencyInjection;
using PublicApiGenerator;
using Snapshooter.Xunit;

namespace PhotonSdk.DependencyInjection.Tests;

/// <summary>The public surface of the package as text: any change to it shows up in review as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_PhotonSdk_DependencyInjection()
    {
        var api = typeof(PhotonServiceCollectionExtensions).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The extension methods live in Microsoft.Extensions.DependencyInjection, where callers look for them.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
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
