namespace PhotonSdk.Tests.PublicApi;

/// <summary>
/// Which generated types are public. The full surface of each package is declared in its PublicAPI.*.txt files and
/// checked by the build (RS0016/RS0017).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_generated_client_is_public_but_its_exception_type_and_the_transport_are_not()
    {
        var exported = typeof(PhotonClient).Assembly.GetExportedTypes();

        Assert.Contains(exported, t => t.FullName == "PhotonSdk.Rest.WaveSpeedRestClient");
        Assert.DoesNotContain(exported, t => t.Name.StartsWith("ApiException", StringComparison.Ordinal) || t.Namespace == "PhotonSdk.Transport");
    }
}
