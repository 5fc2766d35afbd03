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

    public static PhotonBatchDescriptor Of(IReadOnlyList<PlannedItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Version);
        foreach (var planned in items)
        {
            Append(hash, planned.Item.Key);
            Append(hash, planned.Item.Prompt);
            Append(hash, planned.Model.Id);
            Append(hash, planned.Item.InputImage?.AbsoluteUri ?? "");
        }

        return new PhotonBatchDescriptor(Convert.ToHexStringLower(hash.GetHashAndReset()), items.Count);
    }

    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
