using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace FaceCompliance.Vision.Tests.Imaging;

/// <summary>Image files made in the tests: encoded with SkiaSharp, or written byte by byte where it cannot (BMP, GIF, EXIF, a bare PNG header).</summary>
internal static class EncodedImages
{
    /// <summary>RGB24 pixels as an opaque RGBA bitmap (SkiaSharp has no 24-bit color type).</summary>
    public static SKBitmap ToBitmap(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        for (var i = 0; i < width * height; i++)
        {
            rgba[(i * 4) + 0] = rgb[(i * 3) + 0];
            rgba[(i * 4) + 1] = rgb[(i * 3) + 1];
            rgba[(i * 4) + 2] = rgb[(i * 3) + 2];
            rgba[(i * 4) + 3] = 255;
        }

        return bitmap;
    }

    public static SKBitmap ToBitmap(FaceImage image) => ToBitmap(image.Pixels, image.Width, image.Height);

    /// <summary>The bitmap's pixels as RGB24.</summary>
    public static byte[] ToRgb24(SKBitmap bitmap)
    {
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (var i = 0; i < bitmap.Width * bitmap.Height; i++)
        {
            rgb[(i * 3) + 0] = rgba[(i * 4) + 0];
            rgb[(i * 3) + 1] = rgba[(i * 4) + 1];
            rgb[(i * 3) + 2] = rgba[(i * 4) + 2];
        }

        return rgb;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 95) => Encoded(bitmap.PeekPixels().Encode(new SKJpegEncoderOptions(quality)));

    public static byte[] Png(SKBitmap bitmap) => Encoded(bitmap.PeekPixels().Encode(SKEncodedImageFormat.Png, 100));

    public static byte[] Webp(SKBitmap bitmap, bool lossless) =>
        Encoded(bitmap.PeekPixels().Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, lossless ? 100 : 90)));

    /// <summary>A 24-bit BMP written by hand (SkiaSharp encodes no BMP): the 54-byte header, then rows bottom-up, B G R, padded to 4 bytes.</summary>
    public static byte[] Bmp(FaceImage image)
    {
        var stride = ((image.Width * 3) + 3) & ~3;
        var file = new byte[54 + (stride * image.Height)];
        var header = file.AsSpan();
        "BM"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[10..], 54);            // pixel data offset
        BinaryPrimitives.WriteInt32LittleEndian(header[14..], 40);            // BITMAPINFOHEADER
        BinaryPrimitives.WriteInt32LittleEndian(header[18..], image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(header[22..], image.Height);  // positive: bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(header[26..], 1);             // planes
        BinaryPrimitives.WriteInt16LittleEndian(header[28..], 24);            // bits per pixel
        BinaryPrimitives.WriteInt32LittleEndian(header[34..], stride * image.Height);
        BinaryPrimitives.WriteInt32LittleEndian(header[38..], 2835);          // 72 dpi
        BinaryPrimitives.WriteInt32LittleEndian(header[42..], 2835);
        var pixels = image.Pixels;
        for (var y = 0; y < image.Height; y++)
        {
            var row = 54 + ((image.Height - 1 - y) * stride);
            for (var x = 0; x < image.Width; x++)
            {
                var source = ((y * image.Width) + x) * 3;
                file[row + (x * 3) + 0] = pixels[source + 2];
                file[row + (x * 3) + 1] = pixels[source + 1];
                file[row + (x * 3) + 2] = pixels[source + 0];
            }
        }

        return file;
    }

    /// <summary>A 1x1 GIF89a written by hand (SkiaSharp encodes no GIF): two-color table, one black pixel.</summary>
    public static byte[] Gif1x1() =>
    [
        .. "GIF89a"u8,
        0x01, 0x00, 0x01, 0x00,             // 1x1
        0x80, 0x00, 0x00,                   // global color table of 2 entries, background 0, no aspect
        0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, // black, white
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // image descriptor at 0,0, 1x1
        0x02, 0x02, 0x44, 0x01, 0x00,       // LZW minimum code size 2, one block of 2 bytes, end
        0x3B,                               // trailer
    ];

    /// <summary>A PNG that declares width x height but holds one tiny compressed row: the header of a decompression bomb.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // RGB
        WriteChunk(file, "IHDR", ihdr);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[64]);
            }

            WriteChunk(file, "IDAT", compressed.ToArray());
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>
    /// The JPEG with an APP1 Exif segment right after SOI holding a minimal big-endian TIFF with one IFD entry:
    /// Orientation (0x0112), SHORT, 1 value.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("not a JPEG", nameof(jpeg));
        }

        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at offset 8
            0x00, 0x01,                                             // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,         // Orientation, SHORT, count 1
            0x00, (byte)orientation, 0x00, 0x00,                    // the value, left-justified in 4 bytes
            0x00, 0x00, 0x00, 0x00,                                 // no next IFD
        ];
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// How a camera stores an upright picture under each EXIF orientation (1-8): the inverse of what a viewer
    /// applies, drawn with SkiaSharp's canvas as a matrix from upright to stored coordinates (pixel corners).
    /// </summary>
    public static SKBitmap Stored(SKBitmap upright, int orientation)
    {
        float w = upright.Width, h = upright.Height;
        var transposed = orientation >= 5;
        var matrix = orientation switch
        {
            1 => SKMatrix.Identity,
            2 => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),   // mirrored left-right
            3 => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),  // turned 180
            4 => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),   // mirrored top-bottom
            5 => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),    // transposed: (x, y) -> (y, x)
            6 => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),   // turned a quarter counter-clockwise: (x, y) -> (y, w - x)
            7 => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),  // transverse: (x, y) -> (h - y, w - x)
            8 => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),   // turned a quarter clockwise: (x, y) -> (h - y, x)
            _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
        };
        var stored = new SKBitmap(new SKImageInfo(transposed ? upright.Height : upright.Width, transposed ? upright.Width : upright.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(stored);
        using var image = SKImage.FromBitmap(upright);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return stored;
    }

    private static byte[] Encoded(SKData? data)
    {
        using (data)
        {
            return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode the bitmap");
        }
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data);
        file.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        file.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320), over the chunk type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Concat(this byte[] first, byte[] second) => [.. first, .. second];

    private static byte[] Concat(this byte[] first, ReadOnlySpan<byte> second) => [.. first, .. second];
}
