using PhotonSdk.Emulator.Rendering;
using StbImageSharp;

namespace PhotonSdk.Emulator.Tests.Rendering;

/// <summary>
/// Reads text in the emulator's pixel font back from a decoded image: each glyph cell is sampled at the centre of each
/// font pixel and the lit pattern looked up among the font's own glyphs. A cell that matches no glyph reads as '\uFFFD'.
/// </summary>
internal static class PixelTextReader
{
    private const string Alphabet = " ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?-'\":;()/&+=%#@_*<>[]$";

    // Dictionary.Add throws on a repeated key, so two glyphs with the same pattern would fail every test that reads.
    private static readonly Dictionary<long, char> GlyphsByPattern = Alphabet.ToDictionary(Pattern, c => c);

    /// <summary>
    /// The <paramref name="cells"/> characters at (<paramref name="left"/>, <paramref name="top"/>) drawn at
    /// <paramref name="scale"/>, without trailing spaces; <paramref name="isInk"/> tells a lit pixel.
    /// </summary>
    public static string ReadLine(ImageResult image, int left, int top, int scale, int cells, Func<byte, byte, byte, bool> isInk)
    {
        var text = new char[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            var pattern = 0L;
            for (var row = 0; row < PixelFont.GlyphHeight; row++)
            {
                for (var column = 0; column < PixelFont.GlyphWidth; column++)
                {
                    var x = left + (((cell * PixelFont.Advance) + column) * scale) + (scale / 2);
                    var y = top + (row * scale) + (scale / 2);
                    var at = ((y * image.Width) + x) * 3;
                    if (isInk(image.Data[at], image.Data[at + 1], image.Data[at + 2]))
                    {
                        pattern |= Bit(column, row);
                    }
                }
            }

            text[cell] = GlyphsByPattern.GetValueOrDefault(pattern, '\uFFFD');
        }

        return new string(text).TrimEnd();
    }

    private static long Pattern(char glyph)
    {
        var pattern = 0L;
        PixelFont.Plot(glyph.ToString(), (column, row) => pattern |= Bit(column, row));
        return pattern;
    }

    private static long Bit(int column, int row) => 1L << ((row * PixelFont.GlyphWidth) + column);
}
