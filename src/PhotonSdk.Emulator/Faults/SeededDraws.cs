namespace PhotonSdk.Emulator.Faults;

/// <summary>
/// Repeatable pseudo-random numbers addressed by (seed, stream, index) rather than drawn in sequence from a shared
/// generator: concurrent requests then cannot disturb each other's draws, and the n-th request of a seeded run draws
/// the same number every time.
/// </summary>
internal static class SeededDraws
{
    /// <summary>Streams keep the draws of different decisions independent.</summary>
    public enum Stream : ulong
    {
        PredictionId = 1,
        PredictionFailure = 2,
        ServerError = 3,
        SlowResponse = 4,
        Rendering = 5,
        Latency = 6,
        RateLimited = 7,
        ConnectionReset = 8,
        WebhookDrop = 9,
        WebhookDuplicate = 10,
    }

    /// <summary>A 64-bit value for <paramref name="index"/> in <paramref name="stream"/>.</summary>
    public static ulong Next(long seed, Stream stream, long index, int word = 0)
    {
        unchecked
        {
            var x = (ulong)seed * 0x9E3779B97F4A7C15UL;
            x = Mix(x ^ ((ulong)stream * 0xBF58476D1CE4E5B9UL));
            x = Mix(x ^ (ulong)index);
            return Mix(x + (ulong)word);
        }
    }

    /// <summary>A number in [0, 1) for <paramref name="index"/> in <paramref name="stream"/>.</summary>
    public static double Unit(long seed, Stream stream, long index) =>
        (Next(seed, stream, index) >> 11) * (1.0 / (1UL << 53));

    // SplitMix64's finaliser: every input bit affects every output bit.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
