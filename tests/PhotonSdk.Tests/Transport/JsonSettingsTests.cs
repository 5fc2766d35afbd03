using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

        var metadata = (JsonTypeInfo<BalanceResponse>)settings.GetTypeInfo(typeof(BalanceResponse));
        var balance = JsonSerializer.Deserialize("""{"code":200,"message":"success","data":{"balance":12.5}}""", metadata);

        Assert.Same(JsonSerializerOptions.Default.TypeInfoResolver, metadata.OriginatingResolver);
        Assert.Equal(200, balance!.Code);
        Assert.Equal(12.5, balance.Data!.Balance1);
    }

    [Fact]
    public void A_predictions_round_trip_is_described_at_compile_time_not_by_reflection_on_first_use()
    {
        var settings = new JsonSerializerOptions();
        WaveSpeedRestClient.ConfigureJson(settings);

        Assert.All(
            new[] { typeof(PredictionResponse), typeof(PhotonRequest), typeof(PhotonModifyRequest) },
            type => Assert.Same(WaveSpeedJsonContext.Default, settings.GetTypeInfo(type).OriginatingResolver));
    }

    [Fact]
    public void Optional_request_fields_are_left_out_rather_than_sent_as_null()
    {
        var settings = new JsonSerializerOptions();
        WaveSpeedRestClient.ConfigureJson(settings);

        Assert.Equal("""{"prompt":"a kite"}""", JsonSerializer.Serialize(new PhotonRequest { Prompt = "a kite" }, settings));
    }
}
