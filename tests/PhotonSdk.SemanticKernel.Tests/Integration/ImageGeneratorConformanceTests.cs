using Microsoft.Extensions.AI;

namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>
/// What any <see cref="IImageGenerator"/> should do, in the manner of Microsoft.Extensions.AI's own integration tests:
/// one image, several images, an edit. A subclass supplies the generator.
/// </summary>
public abstract class ImageGeneratorConformanceTests : IDisposable
{
    private IImageGenerator? _generator;

    protected IImageGenerator Generator => _generator ??= CreateGenerator();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _generator?.Dispose();
    }

    protected abstract IImageGenerator CreateGenerator();

    [Fact]
    public virtual async Task GenerateImagesAsync_SingleImageGeneration()
    {
        var response = await Generator.GenerateImagesAsync("A simple drawing of a house", new ImageGenerationOptions { Count = 1 });

        var content = Assert.Single(response.Contents);
        switch (content)
        {
            case UriContent uri:
                Assert.StartsWith("http", uri.Uri.Scheme, StringComparison.Ordinal);
                Assert.StartsWith("image/", uri.MediaType, StringComparison.Ordinal);
                break;
            case DataContent data:
                Assert.False(data.Data.IsEmpty);
                Assert.StartsWith("image/", data.MediaType, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"Unexpected content type: {content.GetType()}");
                break;
        }
    }

    [Fact]
    public virtual async Task GenerateImagesAsync_MultipleImages()
    {
        var response = await Generator.GenerateImagesAsync(
            "A cat sitting on a table", new ImageGenerationOptions { Count = 2, ResponseFormat = ImageGenerationResponseFormat.Data });

        Assert.Equal(2, response.Contents.Count);
        Assert.All(response.Contents, content =>
        {
            var data = Assert.IsType<DataContent>(content);
            Assert.False(data.Data.IsEmpty);
            Assert.StartsWith("image/", data.MediaType, StringComparison.Ordinal);
        });
    }

    [Fact]
    public virtual async Task GenerateImagesAsync_MultipleImages_AsUris()
    {
        var response = await Generator.GenerateImagesAsync(
            "A cat sitting on a table", new ImageGenerationOptions { Count = 3, ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal(3, response.Contents.Count);
        Assert.All(response.Contents, content => Assert.StartsWith("http", Assert.IsType<UriContent>(content).Uri.Scheme, StringComparison.Ordinal));
        Assert.Equal(3, response.Contents.Select(content => ((UriContent)content).Uri).Distinct().Count());
    }

    [Fact]
    public virtual async Task EditImagesAsync_SingleImage()
    {
        var original = await Generator.GenerateImagesAsync("A plain white mug", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
        var image = Assert.IsType<DataContent>(Assert.Single(original.Contents));

        var response = await Generator.EditImagesAsync(
            [new DataContent(image.Data, image.MediaType) { Name = "mug.png" }],
            "Add a red border",
            new ImageGenerationOptions { Count = 1, ResponseFormat = ImageGenerationResponseFormat.Data });

        var edited = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.False(edited.Data.IsEmpty);
        Assert.StartsWith("image/", edited.MediaType, StringComparison.Ordinal);
    }
}
