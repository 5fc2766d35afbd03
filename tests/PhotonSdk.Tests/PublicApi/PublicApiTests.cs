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
    public void The_generated_client_is_public_but_its_exception_type_and_the_transport_are_not()
    {
        var exported = typeof(PhotonClient).Assembly.GetExportedTypes();

        Assert.Contains(exported, t => t.FullName == "PhotonSdk.Rest.WaveSpeedRestClient");
        Assert.DoesNotContain(exported, t => t.Name.StartsWith("ApiException", StringComparison.Ordinal) || t.Namespace == "PhotonSdk.Transport");
    }
}
