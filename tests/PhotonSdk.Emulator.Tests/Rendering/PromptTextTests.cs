using PhotonSdk.Emulator.Rendering;
using StbImageSharp;

namespace PhotonSdk.Emulator.Tests.Rendering;

/// <summary>The image shows its prompt and seed: decoded by an independent decoder and read back glyph by glyph.</summary>
public sealed class PromptTextTests
{
    private const string Short = "a lantern on a windowsill";

    private const string Long =
        "Seed 42: a fox & a hare (in snow) at 100% calm? A cinematic shot of a city at sunset, soft golden light, " +
        "crowds on the boulevards, taxis and street vendors selling roasted chestnuts while the sun sinks behind " +
        "towers of glass and steel; everything turns orange, pink and violet [wide angle] #35mm";

    [Theory]
    [InlineData(EmulatorImageFormat.Png, Short, 4)]
    [InlineData(EmulatorImageFormat.Png, Long, 2)]
    [InlineData(EmulatorImageFormat.Jpeg, Short, 4)]
    [InlineData(EmulatorImageFormat.Jpeg, Long, 2)]
    public void The_image_shows_the_prompt_and_seed(EmulatorImageFormat format, string prompt, int expectedScale)
    {
        var image = ImageResult.FromMemory(PromptImageRenderer.Render(prompt, 7, format), ColorComponents.RedGreenBlue);
        var layout = PromptLayout.For(prompt, PromptImageRenderer.Width, PromptImageRenderer.Height);
        // Only within the panel: outside it a light background could pass for ink.
        var cellsPerLine = (PromptImageRenderer.Width - (2 * PromptLayout.TextLeft)) / (PixelFont.Advance * layout.Scale);

        var lines = Enumerable.Range(0, layout.Lines.Count)
            .Select(line => PixelTextReader.ReadLine(image, PromptLayout.TextLeft, layout.LineTop(line), layout.Scale, cellsPerLine, IsInk));

        Assert.Equal(expectedScale, layout.Scale);
        Assert.Equal(prompt.ToUpperInvariant(), string.Join(' ', lines));
        Assert.Equal("SEED 7", PixelTextReader.ReadLine(image, PromptLayout.Margin, PromptLayout.Margin, 2, "SEED 7".Length, IsInk));
    }

    // The text's ink is white (the label's nearly so, luminance 220 or more) on a panel that darkens whatever is under it
    // to luminance 140 or less. Luminance, not each channel: JPEG keeps colour at half resolution, so colour from the
    // background bleeds into thin white strokes while their brightness stays.
    private static bool IsInk(byte r, byte g, byte b) => (0.299 * r) + (0.587 * g) + (0.114 * b) > 180;
}
