using Snapshooter.Xunit;

namespace PhotonSdk.Tests.PublicApi;

/// <summary>The public surface of the package as text: any change to it shows up in review as a snapshot diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_PhotonSdk()
    {
        Snapshot.Match(PublicApiText.Of(typeof(PhotonClient).Assembly));
    }

    [Fact]
    public void The_generated_transport_is_not_public()
    {
        var leaked = typeof(PhotonClient).Assembly.GetExportedTypes().Where(t => t.Namespace == "PhotonSdk.Generated" || t.Namespace == "PhotonSdk.Transport");
        Assert.Empty(leaked);
    }
}
