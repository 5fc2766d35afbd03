using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Writes a <see cref="PixelCanvas"/> as a PNG: the signature, then IHDR (8-bit truecolour), one IDAT and IEND, each
/// chunk with its CRC-32. The format needs no more than that, and .NET's own zlib does the compression, so a PNG
/// library would add size and nothing else.
/// </summary>
internal static class PngEncoder
{
    private const byte TrueColour = 2;
    private const byte NoFilter = 0;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(PixelCanvas canvas)
    {
        // Sized for a typical image (60 to 100 KB), so that the stream seldom grows.
        using var output = new MemoryStream(canvas.Height * canvas.Stride / 8);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, canvas.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], canvas.Height);
        header[8] = 8; // bits per channel
        header[9] = TrueColour;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering, one filter type byte per row
        header[12] = 0; // not interlaced
        WriteChunk(output, "IHDR"u8, header);

        var data = BeginChunk(output, "IDAT"u8);
        // Fastest compression: on loopback a somewhat larger file costs nothing, and the default level takes several
        // times as long for a load run that renders thousands of images.
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteRows(zlib, canvas);
        }

        EndChunk(output, data);
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>
    /// Each row unfiltered (filter type 0). The emulator's images are gradients looked up from a table and flat
    /// shapes, so a row repeats three-byte patterns that deflate finds as they are; on them the Sub and Up filters
    /// made files larger and slower to write at the fastest level (measured: 70 KB in 3.5 ms unfiltered, 190 KB in
    /// 7 ms with Sub).
    /// </summary>
    private static void WriteRows(Stream zlib, PixelCanvas canvas)
    {
        var pixels = canvas.Pixels;
        var stride = canvas.Stride;
        Span<byte> row = stackalloc byte[stride + 1];
        row[0] = NoFilter;
        for (var y = 0; y < canvas.Height; y++)
        {
            pixels.Slice(y * stride, stride).CopyTo(row[1..]);
            zlib.Write(row);
        }
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var start = BeginChunk(output, type);
        output.Write(data);
        EndChunk(output, start);
    }

    /// <summary>Writes a chunk's length (filled in by <see cref="EndChunk"/>) and type; returns where the chunk starts.</summary>
    private static int BeginChunk(MemoryStream output, ReadOnlySpan<byte> type)
    {
        var start = checked((int)output.Position);
        output.Write([0, 0, 0, 0]);
        output.Write(type);
        return start;
    }

    /// <summary>Fills in the length of the chunk that starts at <paramref name="start"/> and appends its CRC.</summary>
    private static void EndChunk(MemoryStream output, int start)
    {
        var length = checked((int)output.Position) - start - 8;
        var written = output.GetBuffer().AsSpan(start, 8 + length);
        BinaryPrimitives.WriteInt32BigEndian(written, length);

        // The CRC covers the type and the data, not the length.
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(written[4..]));
        output.Write(crc);
    }
}
