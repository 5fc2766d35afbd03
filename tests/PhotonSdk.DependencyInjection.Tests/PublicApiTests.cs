using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace PhotonSdk.DependencyInjection.Tests;

/// <summary>The public surface of the package as text: any change to it shows up in review as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_PhotonSdk_DependencyInjection()
    {
        // The extension methods live in Microsoft.Extensions.DependencyInjection, where callers look for them.
        Snapshot.Match(PublicApiText.Of(typeof(PhotonServiceCollectionExtensions).Assembly, "Microsoft.Extensions.DependencyInjection"));
    }
}
