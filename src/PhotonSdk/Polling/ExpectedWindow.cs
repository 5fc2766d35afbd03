namespace PhotonSdk.Polling;

/// <summary>
/// When a prediction should complete, measured from its submit's answer: the most likely time, and the span around it
/// that checks at the fast interval cover. Checks are laid on a grid through <see cref="Anchor"/>, so that one falls on
/// the expected time itself rather than just before it.
/// </summary>
/// <param name="Anchor">The most likely completion time.</param>
/// <param name="Earliest">The start of the span; no check comes before it.</param>
/// <param name="Latest">The end of the span; past it the interval grows again.</param>
internal readonly record struct ExpectedWindow(TimeSpan Anchor, TimeSpan Earliest, TimeSpan Latest)
{
    /// <summary>
    /// The share either side of a typical duration that a window taken on trust covers. A typical figure says little of
    /// the spread; a fifth either side holds a prediction that runs a little long or short without a late notice, and
    /// costs the 3-second model three checks when it is right.
    /// </summary>
    public const double TrustedSpread = 0.2;

    /// <summary>
    /// The widest a learned window may be, as a share either side of its median, so that a run of outliers cannot make
    /// the fast checks go on for long.
    /// </summary>
    public const double MaxLearnedSpread = 0.5;

    /// <summary>The window around a duration known only as a typical figure.</summary>
    public static ExpectedWindow Around(TimeSpan typical) =>
        new(typical, typical * (1 - TrustedSpread), typical * (1 + TrustedSpread));

    /// <summary>
    /// The first check at or after <paramref name="from"/> that lies on the grid through <see cref="Anchor"/> and in the
    /// span, if any is left. A check on the span's very start is skipped: it could find only what is done by then,
    /// nothing, while the next one an interval later notices anything done since the start as soon as it would have.
    /// </summary>
    /// <param name="from">The earliest time the check may be sent.</param>
    /// <param name="interval">The grid's spacing; at zero the check is simply <paramref name="from"/> or the span's start.</param>
    /// <param name="at">The time of the check.</param>
    /// <returns>Whether the span still holds a check.</returns>
    public bool TryNextCheck(TimeSpan from, TimeSpan interval, out TimeSpan at)
    {
        var start = from > Earliest ? from : Earliest + TimeSpan.FromTicks(1);
        if (interval <= TimeSpan.Zero)
        {
            at = start;
        }
        else
        {
            // The smallest anchor + k * interval that is not before start; k may be negative.
            var steps = (long)Math.Ceiling((double)(start - Anchor).Ticks / interval.Ticks);
            at = Anchor + (interval * steps);
            if (at < start) at += interval;
        }

        return at <= Latest;
    }
}
