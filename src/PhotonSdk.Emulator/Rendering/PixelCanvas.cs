using System.Buffers;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// An opaque image being drawn: 8-bit RGB, rows top to bottom, no padding. Every fill is plain integer or
/// single-precision arithmetic in a fixed order, so the same calls give the same pixels on every machine. The pixels
/// live in an array rented from the shared pool, because a load run renders thousands of images a minute and a fresh
/// 768 KB array each time would be a large-object allocation each time.
/// </summary>
internal sealed class PixelCanvas : IDisposable
{
    public const int BytesPerPixel = 3;

    // Enough steps that a gradient across 512 pixels shows no bands, few enough to build per image in microseconds.
    private const int GradientSteps = 1024;

    private byte[]? _pixels;

    public PixelCanvas(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _pixels = ArrayPool<byte>.Shared.Rent(width * height * BytesPerPixel);
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride => Width * BytesPerPixel;

    /// <summary>The pixels, <see cref="Stride"/> bytes a row.</summary>
    public Span<byte> Pixels => AsArray().AsSpan(0, Height * Stride);

    /// <summary>
    /// The array that holds <see cref="Pixels"/> from its start; it may be longer. For encoders that take only arrays.
    /// </summary>
    public byte[] AsArray() => _pixels ?? throw new ObjectDisposedException(nameof(PixelCanvas));

    /// <summary>
    /// Fills the whole canvas with a linear gradient from <paramref name="fromX"/>, <paramref name="fromY"/> to
    /// <paramref name="toX"/>, <paramref name="toY"/> through <paramref name="stops"/>, evenly spaced; beyond the ends
    /// the end colours continue.
    /// </summary>
    public void FillLinearGradient(float fromX, float fromY, float toX, float toY, ReadOnlySpan<Rgba> stops)
    {
        if (stops.Length < 2)
        {
            throw new ArgumentException("A gradient needs at least two colours.", nameof(stops));
        }

        // Colours are looked up per pixel in a table along the gradient rather than mixed per pixel.
        Span<byte> table = stackalloc byte[GradientSteps * BytesPerPixel];
        for (var step = 0; step < GradientSteps; step++)
        {
            var position = step * (stops.Length - 1) / (float)(GradientSteps - 1);
            var index = Math.Min((int)position, stops.Length - 2);
            var weight = (int)(((position - index) * 255) + 0.5f);
            table[step * 3] = Mix(stops[index].R, stops[index + 1].R, weight);
            table[(step * 3) + 1] = Mix(stops[index].G, stops[index + 1].G, weight);
            table[(step * 3) + 2] = Mix(stops[index].B, stops[index + 1].B, weight);
        }

        var dx = toX - fromX;
        var dy = toY - fromY;
        var scale = (GradientSteps - 1) / ((dx * dx) + (dy * dy));
        var pixels = Pixels;
        for (var y = 0; y < Height; y++)
        {
            var row = pixels.Slice(y * Stride, Stride);
            var rowPart = (y + 0.5f - fromY) * dy;
            for (var x = 0; x < Width; x++)
            {
                var along = (((x + 0.5f - fromX) * dx) + rowPart) * scale;
                var step = (int)Math.Clamp(along + 0.5f, 0, GradientSteps - 1) * 3;
                row[x * 3] = table[step];
                row[(x * 3) + 1] = table[step + 1];
                row[(x * 3) + 2] = table[step + 2];
            }
        }
    }

    /// <summary>Blends <paramref name="color"/> over the pixels of an axis-aligned rectangle, clipped to the canvas.</summary>
    public void FillRectangle(int left, int top, int width, int height, Rgba color)
    {
        var x0 = Math.Max(left, 0);
        var y0 = Math.Max(top, 0);
        var x1 = Math.Min(left + width, Width);
        var y1 = Math.Min(top + height, Height);
        var pixels = Pixels;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                Blend(pixels, (y * Stride) + (x * 3), color, color.A);
            }
        }
    }

    /// <summary>Blends <paramref name="color"/> over <paramref name="shape"/>, with anti-aliased edges.</summary>
    public void FillRoundedRectangle(in RoundedRectangle shape, Rgba color)
    {
        var (extentX, extentY) = shape.HalfExtent;
        var x0 = Math.Max((int)MathF.Floor(shape.CenterX - extentX) - 1, 0);
        var y0 = Math.Max((int)MathF.Floor(shape.CenterY - extentY) - 1, 0);
        var x1 = Math.Min((int)MathF.Ceiling(shape.CenterX + extentX) + 1, Width);
        var y1 = Math.Min((int)MathF.Ceiling(shape.CenterY + extentY) + 1, Height);
        var pixels = Pixels;
        for (var y = y0; y < y1; y++)
        {
            var row = pixels.Slice(y * Stride, Stride);
            for (var x = x0; x < x1;)
            {
                // A pixel whose centre is half a pixel or more inside the edge is covered whole; the edge fades over
                // one pixel. The distance changes by at most one from one pixel to the next, so one distance also
                // tells how many pixels after this one are certainly outside (skipped) or certainly covered (filled
                // without measuring): only the edge is measured pixel by pixel.
                var distance = shape.Distance(x + 0.5f, y + 0.5f);
                if (distance >= 0.5f)
                {
                    x += (int)(distance - 0.5f) + 1;
                }
                else if (distance <= -0.5f)
                {
                    var end = Math.Min(x + (int)(-0.5f - distance) + 1, x1);
                    for (; x < end; x++)
                    {
                        Blend(row, x * 3, color, color.A);
                    }
                }
                else
                {
                    Blend(row, x * 3, color, (int)(((0.5f - distance) * color.A) + 0.5f));
                    x++;
                }
            }
        }
    }

    public void Dispose()
    {
        if (_pixels is { } pixels)
        {
            _pixels = null;
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    private static void Blend(Span<byte> pixels, int at, Rgba color, int weight)
    {
        pixels[at] = Mix(pixels[at], color.R, weight);
        pixels[at + 1] = Mix(pixels[at + 1], color.G, weight);
        pixels[at + 2] = Mix(pixels[at + 2], color.B, weight);
    }

    /// <summary><paramref name="under"/> and <paramref name="over"/> mixed by <paramref name="weight"/>/255, rounded.</summary>
    private static byte Mix(byte under, byte over, int weight) => (byte)(((under * (255 - weight)) + (over * weight) + 127) / 255);
}
