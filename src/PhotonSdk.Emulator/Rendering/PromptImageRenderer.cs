using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PhotonSdk.Emulator.Faults;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Renders a stand-in for a generated image: a gradient and shapes chosen by a hash of the prompt and seed, with the
/// prompt written across it. The same prompt and seed always give the same bytes.
/// </summary>
internal static class PromptImageRenderer
{
    public const int Width = 512;
    public const int Height = 512;

    /// <summary>The ink of the prompt: opaque white, a colour the background and shapes never reach.</summary>
    public static readonly Rgba PromptInk = Rgba.White;

    /// <summary>Renders <paramref name="prompt"/> with <paramref name="seed"/> and encodes it as <paramref name="format"/>.</summary>
    public static byte[] Render(string prompt, long seed, EmulatorImageFormat format)
    {
        using var canvas = Draw(prompt, seed);
        return format == EmulatorImageFormat.Jpeg ? JpegEncoder.Encode(canvas) : PngEncoder.Encode(canvas);
    }

    /// <summary>The pixels of <paramref name="prompt"/> with <paramref name="seed"/>, before encoding.</summary>
    public static PixelCanvas Draw(string prompt, long seed)
    {
        var hash = Hash(prompt, seed);
        var canvas = new PixelCanvas(Width, Height);
        DrawBackground(canvas, hash);
        DrawShapes(canvas, BinaryPrimitives.ReadInt64LittleEndian(hash));
        DrawPrompt(canvas, prompt);
        DrawLabel(canvas, $"SEED {seed}");
        return canvas;
    }

    private static byte[] Hash(string prompt, long seed)
    {
        var text = Encoding.UTF8.GetBytes(prompt);
        var input = new byte[text.Length + sizeof(long)];
        text.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64LittleEndian(input.AsSpan(text.Length), seed);
        return SHA256.HashData(input);
    }

    private static void DrawBackground(PixelCanvas canvas, byte[] hash)
    {
        ReadOnlySpan<Rgba> colors = [ColorFrom(hash, 0), ColorFrom(hash, 3), ColorFrom(hash, 6)];

        // The gradient's direction is a vector from two hash bytes, made unit length with a square root rather than
        // from an angle with cosine and sine, whose last bit may differ between platforms' maths libraries.
        var x = hash[9] - 127.5f;
        var y = hash[10] - 127.5f;
        var length = MathF.Sqrt((x * x) + (y * y));
        var reachX = x / length * Width / 2;
        var reachY = y / length * Height / 2;
        canvas.FillLinearGradient((Width / 2f) - reachX, (Height / 2f) - reachY, (Width / 2f) + reachX, (Height / 2f) + reachY, colors);
    }

    private static void DrawShapes(PixelCanvas canvas, long seed)
    {
        var index = 0L;
        float Next() => (float)SeededDraws.Unit(seed, SeededDraws.Stream.Rendering, index++);

        var count = 5 + (int)(Next() * 6);
        for (var shape = 0; shape < count; shape++)
        {
            var color = Rgba.FromHsv(Next() * 360, 0.4f + (Next() * 0.5f), 0.5f + (Next() * 0.5f), (byte)(60 + (Next() * 110)));
            var x = Next() * Width;
            var y = Next() * Height;
            var size = 30 + (Next() * 140);
            if (Next() < 0.5f)
            {
                canvas.FillRoundedRectangle(RoundedRectangle.Circle(x, y, size / 2), color);
            }
            else
            {
                // A turn of up to a right angle as the point (1 - t², 2t) / (1 + t²) on the unit circle: exact
                // arithmetic, the same on every platform, unlike cosine and sine.
                var t = Next();
                var cos = (1 - (t * t)) / (1 + (t * t));
                var sin = 2 * t / (1 + (t * t));
                canvas.FillRoundedRectangle(new RoundedRectangle(x, y, size / 2, size / 3, 12, cos, sin), color);
            }
        }
    }

    private static void DrawPrompt(PixelCanvas canvas, string prompt)
    {
        var layout = PromptLayout.For(prompt, Width, Height);
        var panelWidth = Width - (2 * PromptLayout.Margin);
        canvas.FillRoundedRectangle(
            new RoundedRectangle(
                PromptLayout.Margin + (panelWidth / 2f), layout.PanelTop + (layout.PanelHeight / 2f), panelWidth / 2f, layout.PanelHeight / 2f, 10),
            new Rgba(0, 0, 0, 150));

        for (var line = 0; line < layout.Lines.Count; line++)
        {
            DrawText(canvas, layout.Lines[line], PromptLayout.TextLeft, layout.LineTop(line), layout.Scale, PromptInk);
        }
    }

    private static void DrawLabel(PixelCanvas canvas, string label)
    {
        const int Left = PromptLayout.Margin;
        canvas.FillRectangle(Left - 6, Left - 6, (label.Length * PixelFont.Advance * 2) + 10, (PixelFont.GlyphHeight * 2) + 12, new Rgba(0, 0, 0, 110));
        DrawText(canvas, label, Left, Left, 2, new Rgba(255, 255, 255, 220));
    }

    private static void DrawText(PixelCanvas canvas, string text, int left, int top, int scale, Rgba ink) =>
        PixelFont.Plot(text, (column, row) => canvas.FillRectangle(left + (column * scale), top + (row * scale), scale, scale, ink));

    private static Rgba ColorFrom(byte[] hash, int offset) =>
        Rgba.FromHsv(hash[offset] / 255f * 360, 0.45f + (hash[offset + 1] / 255f * 0.45f), 0.55f + (hash[offset + 2] / 255f * 0.4f));
}
