using Snapshooter.Xunit;

namespace PhotonSdk.SemanticKernel.Tests.PublicApi;

/// <summary>The public surface of the package as text: any change to it shows up in review as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_PhotonSdk_SemanticKernel()
    {
        Snapshot.Match(PublicApiText.Of(typeof(PhotonSdk.SemanticKernel.PhotonImagePlugin).Assembly));
    }
}
