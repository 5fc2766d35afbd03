using PhotonSdk.Rest;
using PhotonSdk.Results;

namespace PhotonSdk.Tests.Results;

public sealed class ResultMapperTests
{
    [Theory]
    [InlineData("https://cdn.example.com/p/1.png", "image/png")]
    [InlineData("http://cdn.example.com/p/1.jpeg", "image/jpeg")]
    [InlineData("https://cdn.example.com/p/1.JPG?X-Amz-Signature=abc.png", "image/jpeg")]
    [InlineData("https://cdn.example.com/p/1.webp#preview.gif", "image/webp")]
    [InlineData("https://renders.example.png/p/latest", null)]
    [InlineData("https://renders.example.png", null)]
    [InlineData("https://renders.example.png?name=1.png", null)]
    [InlineData("https://cdn.example.com/p/1.png.txt", null)]
    [InlineData(" https://cdn.example.com/p/1.png ", "image/png")]
    public void A_url_output_takes_the_media_type_its_path_names(string output, string? mediaType)
    {
        var prediction = new Prediction { Id = "abc", Model = "luma/photon-flash", Status = "completed", Outputs = [output] };

        var image = ResultMapper.Map(prediction, "luma/photon-flash", TimeSpan.FromSeconds(3), pollCount: 2, requestedModelId: null).Image;

        Assert.Equal(new Uri(output), image.Url);
        Assert.Equal(mediaType, image.MediaType);
    }
}
