using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using PhotonSdk.Emulator.Rendering;
using StbImageSharp;

namespace PhotonSdk.Emulator.Tests.Rendering;

/// <summary>The encoded files: well-formed, decodable by a decoder of their own, faithful to the drawing, repeatable.</summary>
public sealed class EncodedImageTests
{
    private const string Prompt = "A violin on a chair, warm light";
    private const int Size = PromptImageRenderer.Width;

    [Theory]
    [InlineData(EmulatorImageFormat.Png)]
    [InlineData(EmulatorImageFormat.Jpeg)]
    public void The_same_prompt_and_seed_give_the_same_bytes_and_another_seed_other_bytes(EmulatorImageFormat format)
    {
        var first = PromptImageRenderer.Render(Prompt, 3, format);
        var second = PromptImageRenderer.Render(Prompt, 3, format);
        var otherSeed = PromptImageRenderer.Render(Prompt, 4, format);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Png_is_signature_ihdr_idat_iend_with_correct_crcs_and_a_checked_zlib_stream()
    {
        var bytes = PromptImageRenderer.Render(Prompt, 1, EmulatorImageFormat.Png);

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        var chunks = new List<(string Type, byte[] Data)>();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var typeAndData = bytes.AsSpan(at + 4, 4 + length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length)), Crc32.HashToUInt32(typeAndData));
            chunks.Add((System.Text.Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(Size, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(Size, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header[8..]); // 8 bits, truecolour, deflate, filtering, no interlace
        Assert.Empty(chunks[2].Data);

        // Inflating checks the zlib stream's Adler-32; the result is a filter-type byte and a row of RGB per row.
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(Size * (1 + (Size * 3)), inflated.Length);
    }

    [Fact]
    public void Png_decodes_to_exactly_the_drawn_pixels()
    {
        using var canvas = PromptImageRenderer.Draw(Prompt, 1);

        var image = ImageResult.FromMemory(PromptImageRenderer.Render(Prompt, 1, EmulatorImageFormat.Png), ColorComponents.RedGreenBlue);

        Assert.Equal((Size, Size), (image.Width, image.Height));
        Assert.True(canvas.Pixels.SequenceEqual(image.Data), "the decoded PNG differs from the drawing");
    }

    [Fact]
    public void Jpeg_is_a_512_square_baseline_file_that_decodes_close_to_the_drawn_pixels()
    {
        using var canvas = PromptImageRenderer.Draw(Prompt, 1);
        var bytes = PromptImageRenderer.Render(Prompt, 1, EmulatorImageFormat.Jpeg);

        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.Equal([0xFF, 0xD9], bytes[^2..]);
        var frame = BaselineFrameHeader(bytes);
        Assert.Equal(8, frame[0]); // bits per sample
        Assert.Equal(Size, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(1)));
        Assert.Equal(Size, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3)));
        Assert.Equal(3, frame[5]); // components

        var image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlue);
        var drawn = canvas.Pixels.ToArray();
        var meanError = drawn.Zip(image.Data, (a, b) => Math.Abs(a - b)).Average();

        Assert.Equal((Size, Size), (image.Width, image.Height));
        Assert.InRange(meanError, 0, 3);
    }

    /// <summary>The body of the SOF0 (baseline) segment, found by walking the segments before the scan.</summary>
    private static byte[] BaselineFrameHeader(byte[] jpeg)
    {
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (jpeg[at + 1] == 0xC0)
            {
                return jpeg.AsSpan(at + 4, length - 2).ToArray();
            }

            at += 2 + length;
        }

        throw new Xunit.Sdk.XunitException("no baseline frame header before the scan");
    }
}
