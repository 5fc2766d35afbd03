namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Where the prompt goes on the image: its lines, the pixel font's scale, and the dark panel behind them at the bottom.
/// Large text for short prompts; smaller when the prompt would not fit in the lines available.
/// </summary>
internal sealed record PromptLayout(IReadOnlyList<string> Lines, int Scale, int PanelTop, int PanelHeight)
{
    public const int Margin = 24;
    public const int PanelPadding = 14;

    /// <summary>The left edge of every line.</summary>
    public static int TextLeft => Margin + PanelPadding;

    /// <summary>The distance between the tops of two lines: a glyph and three font pixels of spacing.</summary>
    public int LineHeight => (PixelFont.GlyphHeight + 3) * Scale;

    /// <summary>The top of line <paramref name="line"/>.</summary>
    public int LineTop(int line) => PanelTop + PanelPadding + (line * LineHeight);

    public static PromptLayout For(string prompt, int width, int height)
    {
        var available = width - (2 * Margin) - (2 * PanelPadding);
        List<string> lines = [];
        var scale = 4;
        for (; scale >= 2; scale--)
        {
            var maxLines = (height / 2) / ((PixelFont.GlyphHeight + 3) * scale);
            lines = TextWrapper.Wrap(prompt, available / (PixelFont.Advance * scale), maxLines);
            if (!lines.Exists(l => l.EndsWith("...", StringComparison.Ordinal)) || scale == 2)
            {
                break;
            }
        }

        var lineHeight = (PixelFont.GlyphHeight + 3) * scale;
        var panelHeight = (lines.Count * lineHeight) + (2 * PanelPadding) - (3 * scale);
        return new PromptLayout(lines, scale, height - Margin - panelHeight, panelHeight);
    }
}
