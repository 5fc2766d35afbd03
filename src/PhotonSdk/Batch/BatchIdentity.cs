using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PhotonSdk.Batch;

/// <summary>
/// The identity of a batch: a SHA-256 over every item's key, prompt, resolved model and input image, in order, each
/// field length-prefixed so that no two batches run together into the same bytes.
/// </summary>
internal static class BatchIdentity
{
    private const string Version = "photon-batch/1";

    // Fields are gathered into a buffer and hashed a block at a time: each call into the hash costs far more than the
    // bytes it hashes, and a resume of 100,000 items would otherwise make 800,000 of them.
    private const int BlockSize = 64 * 1024;

    public static PhotonBatchDescriptor Of(IReadOnlyList<PlannedItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var used = 0;
            Append(hash, Version, ref block, ref used);
            foreach (var planned in items)
            {
                Append(hash, planned.Item.Key, ref block, ref used);
                Append(hash, planned.Item.Prompt, ref block, ref used);
                Append(hash, planned.Model.Id, ref block, ref used);
                Append(hash, planned.Item.InputImage?.AbsoluteUri ?? "", ref block, ref used);
            }

            hash.AppendData(block, 0, used);
            return new PhotonBatchDescriptor(Convert.ToHexStringLower(hash.GetHashAndReset()), items.Count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Adds a field (its UTF-8 length, then its bytes) to the block, hashing the block first when it would not fit.</summary>
    private static void Append(IncrementalHash hash, string text, ref byte[] block, ref int used)
    {
        var needed = sizeof(int) + Encoding.UTF8.GetMaxByteCount(text.Length);
        if (used + needed > block.Length)
        {
            hash.AppendData(block, 0, used);
            used = 0;
            if (needed > block.Length)
            {
                ArrayPool<byte>.Shared.Return(block);
                block = ArrayPool<byte>.Shared.Rent(needed);
            }
        }

        var length = Encoding.UTF8.GetBytes(text, block.AsSpan(used + sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(used), length);
        used += sizeof(int) + length;
    }
}
