using System.Buffers.Binary;
using System.Security.Cryptography;
using PhotonSdk.Emulator.Faults;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>Makes prediction ids shaped like the real ones: 32 lowercase hex characters.</summary>
internal sealed class PredictionIdGenerator
{
    private readonly int? _seed;

    public PredictionIdGenerator(int? seed) => _seed = seed;

    /// <summary>The id of the prediction submitted <paramref name="ordinal"/>-th; repeatable when seeded.</summary>
    public string Create(long ordinal)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (_seed is { } seed)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, SeededDraws.Next(seed, SeededDraws.Stream.PredictionId, ordinal, 0));
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], SeededDraws.Next(seed, SeededDraws.Stream.PredictionId, ordinal, 1));
        }
        else
        {
            RandomNumberGenerator.Fill(bytes);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
