using System.Text.Json;
using PhotonSdk.Rest;

namespace PhotonSdk.Tests.Transport;

public sealed class JsonSettingsTests
{
    [Fact]
    public void Response_metadata_resolves_before_anything_was_serialized()
    {
        // A client whose first request is a read (photon balance) looks metadata up before any (de)serialization.
        var settings = new JsonSerializerOptions();
        WaveSpeedRestClient.ConfigureJson(settings);

        Assert.Equal(typeof(BalanceResponse), settings.GetTypeInfo(typeof(BalanceResponse)).Type);
    }

    [Fact]
    public void Optional_request_fields_are_left_out_rather_than_sent_as_null()
    {
        var settings = new JsonSerializerOptions();
        WaveSpeedRestClient.ConfigureJson(settings);

        Assert.Equal("""{"prompt":"a kite"}""", JsonSerializer.Serialize(new PhotonRequest { Prompt = "a kite" }, settings));
    }
}
