using PhotonSdk.Emulator.Rendering;

namespace PhotonSdk.Emulator.Tests.Rendering;

public sealed class PixelCanvasTests
{
    private static readonly Rgba Red = new(255, 0, 0);
    private static readonly Rgba Blue = new(0, 0, 255);

    [Fact]
    public void A_circle_covers_its_inside_fades_at_its_edge_and_leaves_the_rest()
    {
        using var canvas = new PixelCanvas(40, 40);
        canvas.Pixels.Clear();

        canvas.FillRoundedRectangle(RoundedRectangle.Circle(20, 20, 10.3f), Red);

        Assert.Equal(Red, At(canvas, 20, 20));
        Assert.Equal(new Rgba(0, 0, 0), At(canvas, 35, 20));
        // The pixel whose centre (30.5, 20.5) lies 10.51 from the circle's centre, 0.21 outside its edge: 29 % covered.
        Assert.InRange(At(canvas, 30, 20).R, 1, 254);
    }

    [Fact]
    public void Blending_mixes_by_alpha_and_rounds()
    {
        using var canvas = new PixelCanvas(2, 1);
        canvas.Pixels.Clear();

        canvas.FillRectangle(0, 0, 1, 1, Red with { A = 128 });

        Assert.Equal(new Rgba(128, 0, 0), At(canvas, 0, 0));
        Assert.Equal(new Rgba(0, 0, 0), At(canvas, 1, 0));
    }

    [Fact]
    public void A_gradient_runs_from_its_first_colour_to_its_last_and_holds_them_beyond_the_ends()
    {
        using var canvas = new PixelCanvas(100, 1);

        canvas.FillLinearGradient(10, 0, 90, 0, [Red, Blue]);

        Assert.Equal(Red, At(canvas, 0, 0));
        Assert.Equal(Blue, At(canvas, 99, 0));
        var middle = At(canvas, 50, 0);
        Assert.InRange(middle.R, 120, 135);
        Assert.InRange(middle.B, 120, 135);
    }

    [Theory]
    [InlineData(0f, 1f, 1f, 255, 0, 0)]
    [InlineData(120f, 1f, 1f, 0, 255, 0)]
    [InlineData(240f, 0.5f, 1f, 128, 128, 255)]
    [InlineData(360f, 1f, 0.5f, 128, 0, 0)]
    public void Hsv_converts_to_the_expected_rgb(float hue, float saturation, float value, byte r, byte g, byte b) =>
        Assert.Equal(new Rgba(r, g, b), Rgba.FromHsv(hue, saturation, value));

    private static Rgba At(PixelCanvas canvas, int x, int y)
    {
        var pixel = canvas.Pixels.Slice((y * canvas.Stride) + (x * 3), 3);
        return new Rgba(pixel[0], pixel[1], pixel[2]);
    }
}
