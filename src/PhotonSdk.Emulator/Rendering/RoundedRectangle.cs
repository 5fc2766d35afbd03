namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// A rectangle with rounded corners, possibly turned about its centre, described by its signed distance: negative
/// inside, positive outside, in pixels. Distance gives anti-aliased edges for free (a pixel is covered by how far its
/// centre lies inside the edge), and a circle is the case where the corner radius is half of each side.
/// </summary>
/// <param name="CenterX">The centre's x, in pixels from the left edge.</param>
/// <param name="CenterY">The centre's y, in pixels from the top edge.</param>
/// <param name="HalfWidth">Half the width before turning.</param>
/// <param name="HalfHeight">Half the height before turning.</param>
/// <param name="CornerRadius">The corners' radius, at most the smaller half side.</param>
/// <param name="Cos">The cosine of the turn (1 for none).</param>
/// <param name="Sin">The sine of the turn (0 for none).</param>
internal readonly record struct RoundedRectangle(
    float CenterX, float CenterY, float HalfWidth, float HalfHeight, float CornerRadius, float Cos = 1, float Sin = 0)
{
    public static RoundedRectangle Circle(float centerX, float centerY, float radius) =>
        new(centerX, centerY, radius, radius, radius);

    /// <summary>The signed distance from (<paramref name="x"/>, <paramref name="y"/>) to the edge.</summary>
    public float Distance(float x, float y)
    {
        var dx = x - CenterX;
        var dy = y - CenterY;

        // Into the shape's own frame, folded into one quadrant: the shape is symmetric about both axes.
        var along = MathF.Abs((dx * Cos) + (dy * Sin));
        var across = MathF.Abs((dy * Cos) - (dx * Sin));
        var qx = along - (HalfWidth - CornerRadius);
        var qy = across - (HalfHeight - CornerRadius);
        var outsideX = MathF.Max(qx, 0);
        var outsideY = MathF.Max(qy, 0);
        return MathF.Sqrt((outsideX * outsideX) + (outsideY * outsideY)) + MathF.Min(MathF.Max(qx, qy), 0) - CornerRadius;
    }

    /// <summary>Half the width and height of the axis-aligned box around the turned shape.</summary>
    public (float X, float Y) HalfExtent =>
        ((MathF.Abs(HalfWidth * Cos) + MathF.Abs(HalfHeight * Sin)), (MathF.Abs(HalfWidth * Sin) + MathF.Abs(HalfHeight * Cos)));
}
