using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PhotonSdk.Emulator.Faults;
using SkiaSharp;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Renders a stand-in for a generated image: a gradient and shapes chosen by a hash of the prompt and seed, with the
/// prompt written across it. The same prompt and seed always give the same bytes.
/// </summary>
internal static class PromptImageRenderer
{
    public const int Width = 512;
    public const int Height = 512;

    private const int Margin = 24;
    private const int PanelPadding = 14;

    /// <summary>Renders <paramref name="prompt"/> with <paramref name="seed"/> and encodes it as <paramref name="format"/>.</summary>
    public static byte[] Render(string prompt, long seed, EmulatorImageFormat format)
    {
        var hash = Hash(prompt, seed);
        var draws = BinaryPrimitives.ReadInt64LittleEndian(hash);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;

        DrawBackground(canvas, hash);
        DrawShapes(canvas, draws);
        DrawPrompt(canvas, prompt);
        DrawLabel(canvas, $"SEED {seed}");

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();

        // Fast zlib settings: a load test may fetch thousands of outputs, and a slightly larger PNG costs nothing
        // on loopback, while the default settings take ten times as long to encode.
        using var data = format == EmulatorImageFormat.Jpeg
            ? pixels.Encode(new SKJpegEncoderOptions(90, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zLibLevel: 1));
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode the image as {format}.");
    }

    private static byte[] Hash(string prompt, long seed)
    {
        var text = Encoding.UTF8.GetBytes(prompt);
        var input = new byte[text.Length + sizeof(long)];
        text.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64LittleEndian(input.AsSpan(text.Length), seed);
        return SHA256.HashData(input);
    }

    private static void DrawBackground(SKCanvas canvas, byte[] hash)
    {
        var colors = new[] { ColorFrom(hash, 0), ColorFrom(hash, 3), ColorFrom(hash, 6) };
        var angle = hash[9] / 255f * MathF.Tau;
        var center = new SKPoint(Width / 2f, Height / 2f);
        var reach = new SKPoint(MathF.Cos(angle) * Width / 2f, MathF.Sin(angle) * Height / 2f);
        using var shader = SKShader.CreateLinearGradient(center - reach, center + reach, colors, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, Width, Height, paint);
    }

    private static void DrawShapes(SKCanvas canvas, long seed)
    {
        var index = 0L;
        float Next() => (float)SeededDraws.Unit(seed, SeededDraws.Stream.Rendering, index++);

        var count = 5 + (int)(Next() * 6);
        using var paint = new SKPaint { IsAntialias = true };
        for (var shape = 0; shape < count; shape++)
        {
            paint.Color = SKColor.FromHsv(Next() * 360, 40 + (Next() * 50), 50 + (Next() * 50), (byte)(60 + (Next() * 110)));
            var x = Next() * Width;
            var y = Next() * Height;
            var size = 30 + (Next() * 140);
            if (Next() < 0.5f)
            {
                canvas.DrawCircle(x, y, size / 2, paint);
            }
            else
            {
                canvas.Save();
                canvas.RotateDegrees(Next() * 90, x, y);
                canvas.DrawRoundRect(x - (size / 2), y - (size / 3), size, size * 2 / 3, 12, 12, paint);
                canvas.Restore();
            }
        }
    }

    private static void DrawPrompt(SKCanvas canvas, string prompt)
    {
        // Large text for short prompts; smaller when the prompt would not fit in the lines available.
        var available = Width - (2 * Margin) - (2 * PanelPadding);
        List<string> lines = [];
        var scale = 4;
        for (; scale >= 2; scale--)
        {
            var maxLines = (Height / 2) / ((PixelFont.GlyphHeight + 3) * scale);
            lines = TextWrapper.Wrap(prompt, available / (PixelFont.Advance * scale), maxLines);
            if (!lines.Exists(l => l.EndsWith("...", StringComparison.Ordinal)) || scale == 2)
            {
                break;
            }
        }

        var lineHeight = (PixelFont.GlyphHeight + 3) * scale;
        var panelHeight = (lines.Count * lineHeight) + (2 * PanelPadding) - (3 * scale);
        var panelTop = Height - Margin - panelHeight;
        using var panel = new SKPaint { Color = new SKColor(0, 0, 0, 150), IsAntialias = true };
        canvas.DrawRoundRect(Margin, panelTop, Width - (2 * Margin), panelHeight, 10, 10, panel);

        using var ink = new SKPaint { Color = SKColors.White };
        for (var line = 0; line < lines.Count; line++)
        {
            DrawText(canvas, lines[line], Margin + PanelPadding, panelTop + PanelPadding + (line * lineHeight), scale, ink);
        }
    }

    private static void DrawLabel(SKCanvas canvas, string label)
    {
        using var shade = new SKPaint { Color = new SKColor(0, 0, 0, 110) };
        canvas.DrawRect(Margin - 6, Margin - 6, (label.Length * PixelFont.Advance * 2) + 10, (PixelFont.GlyphHeight * 2) + 12, shade);
        using var ink = new SKPaint { Color = new SKColor(255, 255, 255, 220) };
        DrawText(canvas, label, Margin, Margin, 2, ink);
    }

    private static void DrawText(SKCanvas canvas, string text, float left, float top, int scale, SKPaint paint)
    {
        // One path for all the text's pixels: a single draw call instead of one per pixel.
        using var path = new SKPath();
        PixelFont.Plot(text, (column, row) => path.AddRect(SKRect.Create(left + (column * scale), top + (row * scale), scale, scale)));
        canvas.DrawPath(path, paint);
    }

    private static SKColor ColorFrom(byte[] hash, int offset) =>
        SKColor.FromHsv(hash[offset] / 255f * 360, 45 + (hash[offset + 1] / 255f * 45), 55 + (hash[offset + 2] / 255f * 40));
}
