namespace PhotonSdk.Emulator.Rendering;

/// <summary>An 8-bit sRGB colour with straight (not premultiplied) alpha.</summary>
internal readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgba White = new(255, 255, 255);

    /// <summary>
    /// The colour of <paramref name="hue"/> (degrees), <paramref name="saturation"/> and <paramref name="value"/> (both
    /// 0 to 1). Plain arithmetic, no trigonometry, so the same inputs give the same bytes on every machine.
    /// </summary>
    public static Rgba FromHsv(float hue, float saturation, float value, byte alpha = 255)
    {
        var sector = hue % 360 / 60;
        var whole = (int)sector;
        var fraction = sector - whole;
        var p = value * (1 - saturation);
        var q = value * (1 - (saturation * fraction));
        var t = value * (1 - (saturation * (1 - fraction)));
        var (r, g, b) = whole switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
        return new Rgba(ToByte(r), ToByte(g), ToByte(b), alpha);
    }

    private static byte ToByte(float unit) => (byte)Math.Clamp((int)((unit * 255) + 0.5f), 0, 255);
}
