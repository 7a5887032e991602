using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using SkiaSharp;

namespace FaceCompliance.Vision;

/// <summary>
/// Decodes a photo file (JPEG, PNG, WebP or BMP) into a <see cref="FaceImage"/>: RGB24, upright, sRGB.
/// </summary>
/// <remarks>
/// <para>
/// Decoding is done by SkiaSharp (Skia's codecs: libjpeg-turbo, libpng, libwebp; docs/third-party.md). The EXIF
/// orientation (JPEG, WebP) is applied, so a portrait phone photo comes out upright. Colors are converted to sRGB
/// when the file carries a color profile; transparent pixels are composited onto black (premultiplied alpha), so
/// they decode the same every time.
/// </para>
/// <para>
/// The image's size is read from its header and checked against <see cref="FaceImageDecoderOptions.MaxPixels"/> and
/// <see cref="FaceImage.MaxDimension"/> before any pixel memory is allocated. Every buffer this class allocates (the
/// encoded bytes read from a stream or file, the decoded RGBA pixels: a strip of rows for JPEG, the whole image for
/// the other formats) is pinned and overwritten with zeros before the call returns; the RGB24 pixels are written straight into the buffer the returned image owns, which its
/// <see cref="FaceImage.Dispose"/> erases. The working memory of the native decoders inside Skia (row buffers, a
/// progressive JPEG's coefficients) is freed by Skia but not overwritten.
/// </para>
/// <para>
/// Every problem with the data is an <see cref="InvalidDataException"/> whose message names it: empty input,
/// truncated data, corrupt data, an unsupported format (named, with the supported ones), or an image over the limits
/// (its size and the limit). A missing file is the usual <see cref="FileNotFoundException"/>.
/// </para>
/// </remarks>
public static class FaceImageDecoder
{
    /// <summary>The formats decoded, as named in error messages.</summary>
    public const string SupportedFormats = "JPEG, PNG, WebP, BMP";

    private const int RgbaBytesPerPixel = 4;
    private const int RgbBytesPerPixel = 3;
    private const int InitialStreamBuffer = 64 * 1024;
    private const int StripBytes = 256 * 1024;

    /// <summary>Decodes an image file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The limits; <see cref="FaceImageDecoderOptions.Default"/> when null.</param>
    /// <returns>The upright RGB24 image; the caller disposes it.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is empty, truncated, corrupt, in an unsupported format, or over the limits.</exception>
    public static FaceImage DecodeFile(string path, FaceImageDecoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Decode(stream, options);
    }

    /// <summary>Decodes an image read from the current position of a stream to its end, with the default limits.</summary>
    /// <param name="stream">The stream; it need not be seekable.</param>
    /// <returns>The upright RGB24 image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is empty, truncated, corrupt, in an unsupported format, or over the limits.</exception>
    public static FaceImage Decode(Stream stream) => Decode(stream, options: null);

    /// <summary>Decodes an image read from the current position of a stream to its end.</summary>
    /// <param name="stream">The stream; it need not be seekable.</param>
    /// <param name="options">The limits; <see cref="FaceImageDecoderOptions.Default"/> when null.</param>
    /// <returns>The upright RGB24 image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is empty, truncated, corrupt, in an unsupported format, or over the limits.</exception>
    public static FaceImage Decode(Stream stream, FaceImageDecoderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (encoded, length) = ReadToEnd(stream);
        try
        {
            return Decode(encoded.AsSpan(0, length), options);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
        }
    }

    /// <summary>Decodes an image held in memory (a <c>byte[]</c> converts to it), with the default limits.</summary>
    /// <param name="data">The file's bytes; not modified, and not kept.</param>
    /// <returns>The upright RGB24 image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is empty, truncated, corrupt, in an unsupported format, or over the limits.</exception>
    public static FaceImage Decode(ReadOnlySpan<byte> data) => Decode(data, options: null);

    /// <summary>Decodes an image held in memory (a <c>byte[]</c> converts to it).</summary>
    /// <param name="data">The file's bytes; not modified, and not kept.</param>
    /// <param name="options">The limits; <see cref="FaceImageDecoderOptions.Default"/> when null.</param>
    /// <returns>The upright RGB24 image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is empty, truncated, corrupt, in an unsupported format, or over the limits.</exception>
    public static unsafe FaceImage Decode(ReadOnlySpan<byte> data, FaceImageDecoderOptions? options)
    {
        options ??= FaceImageDecoderOptions.Default;
        if (data.IsEmpty)
        {
            throw new InvalidDataException("empty input: there are no bytes to decode.");
        }

        fixed (byte* encoded = data)
        {
            // Skia reads the caller's bytes where they are: no native copy of the encoded photo is made.
            using var skData = SKData.Create((IntPtr)encoded, data.Length);
            using var skStream = new SKMemoryStream(skData);
            using var codec = SKCodec.Create(skStream, out var created);
            if (codec is null)
            {
                throw NotDecodable(data, created);
            }

            var format = Name(codec.EncodedFormat);
            if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp or SKEncodedImageFormat.Bmp))
            {
                throw new InvalidDataException(Format($"unsupported image format: {format}; supported: {SupportedFormats}."));
            }

            var width = codec.Info.Width;
            var height = codec.Info.Height;
            CheckSize(format, width, height, options.MaxPixels);
            return DecodePixels(codec, format, width, height);
        }
    }

    private static unsafe FaceImage DecodePixels(SKCodec codec, string format, int width, int height)
    {
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var origin = codec.EncodedOrigin;
        var (uprightWidth, uprightHeight) = IsTransposed(origin) ? (height, width) : (width, height);

        // Pinned, so the garbage collector never moves it and leaves an unerased copy of the face behind.
        byte[]? rgb = GC.AllocateUninitializedArray<byte>(width * height * RgbBytesPerPixel, pinned: true);
        try
        {
            fixed (byte* upright = rgb)
            {
                if (!TryDecodeInStrips(codec, info, origin, upright))
                {
                    DecodeWhole(codec, info, origin, upright, format);
                }
            }

            var image = FaceImage.TakeOwnershipOfPinned(rgb, uprightWidth, uprightHeight);
            rgb = null;
            return image;
        }
        finally
        {
            if (rgb is not null)
            {
                CryptographicOperations.ZeroMemory(rgb);
            }
        }
    }

    /// <summary>
    /// Decodes a few rows at a time into a small pinned RGBA strip and converts each strip into place, so no
    /// whole-image RGBA copy is made (JPEG; the other formats return false at once). A strip that comes back short
    /// (truncated or corrupt data) also returns false, and the whole-image decode then names the problem.
    /// </summary>
    private static unsafe bool TryDecodeInStrips(SKCodec codec, SKImageInfo info, SKEncodedOrigin origin, byte* upright)
    {
        // Only JPEG: this Skia has no scanline decoding for PNG and WebP, and asking costs a PNG a second header parse.
        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg
            || codec.StartScanlineDecode(info) != SKCodecResult.Success
            || codec.ScanlineOrder != SKCodecScanlineOrder.TopDown)
        {
            return false;
        }

        var rowBytes = info.Width * RgbaBytesPerPixel;
        var stripRows = Math.Clamp(StripBytes / rowBytes, 1, info.Height);
        var strip = GC.AllocateUninitializedArray<byte>(stripRows * rowBytes, pinned: true);
        try
        {
            fixed (byte* rgba = strip)
            {
                for (var y = 0; y < info.Height; y += stripRows)
                {
                    var rows = Math.Min(stripRows, info.Height - y);
                    if (codec.GetScanlines((IntPtr)rgba, rows, rowBytes) != rows)
                    {
                        return false;
                    }

                    ToUprightRgb24(rgba, y, rows, info.Width, info.Height, origin, upright);
                }
            }

            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(strip);
        }
    }

    private static unsafe void DecodeWhole(SKCodec codec, SKImageInfo info, SKEncodedOrigin origin, byte* upright, string format)
    {
        var whole = GC.AllocateUninitializedArray<byte>(info.Width * info.Height * RgbaBytesPerPixel, pinned: true);
        try
        {
            fixed (byte* rgba = whole)
            {
                var result = codec.GetPixels(info, (IntPtr)rgba);
                if (result != SKCodecResult.Success)
                {
                    throw DecodeFailed(result, format, info.Width, info.Height);
                }

                ToUprightRgb24(rgba, 0, info.Height, info.Width, info.Height, origin, upright);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(whole);
        }
    }

    /// <summary>
    /// Copies decoded rows <paramref name="firstRow"/> onwards (premultiplied RGBA, that is composited onto black)
    /// as RGB24 to where they belong in the upright image: for each decoded row, where its first pixel goes and the
    /// step to the next (EXIF orientations 1 to 8; 5 to 8 write the row as a column).
    /// </summary>
    private static unsafe void ToUprightRgb24(byte* rgba, int firstRow, int rowCount, int width, int height, SKEncodedOrigin origin, byte* upright)
    {
        nint pixel = RgbBytesPerPixel;
        nint row = (nint)(IsTransposed(origin) ? height : width) * RgbBytesPerPixel;
        var source = rgba;
        for (var y = firstRow; y < firstRow + rowCount; y++)
        {
            var (start, step) = origin switch
            {
                SKEncodedOrigin.TopRight => ((y * row) + ((width - 1) * pixel), -pixel),
                SKEncodedOrigin.BottomRight => (((height - 1 - y) * row) + ((width - 1) * pixel), -pixel),
                SKEncodedOrigin.BottomLeft => ((height - 1 - y) * row, pixel),
                SKEncodedOrigin.LeftTop => (y * pixel, row),
                SKEncodedOrigin.RightTop => ((height - 1 - y) * pixel, row),
                SKEncodedOrigin.RightBottom => (((width - 1) * row) + ((height - 1 - y) * pixel), -row),
                SKEncodedOrigin.LeftBottom => (((width - 1) * row) + (y * pixel), -row),
                _ => (y * row, pixel),
            };
            var target = upright + start;
            for (var x = 0; x < width; x++)
            {
                target[0] = source[0];
                target[1] = source[1];
                target[2] = source[2];
                target += step;
                source += RgbaBytesPerPixel;
            }
        }
    }

    /// <summary>Orientations 5 to 8 store the image turned a quarter: its rows are the upright image's columns.</summary>
    private static bool IsTransposed(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    private static void CheckSize(string format, int width, int height, int maxPixels)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException(Format($"corrupt {format}: the header gives an empty image ({width}x{height})."));
        }

        var pixels = (long)width * height;
        if (pixels > maxPixels)
        {
            throw new InvalidDataException(Format(
                $"image too large: the {format} is {width}x{height} ({pixels} pixels), over the limit of {maxPixels} pixels (FaceImageDecoderOptions.MaxPixels)."));
        }

        if (width > FaceImage.MaxDimension || height > FaceImage.MaxDimension)
        {
            throw new InvalidDataException(Format(
                $"image too large: the {format} is {width}x{height}, over the limit of {FaceImage.MaxDimension} pixels per side (FaceImage.MaxDimension)."));
        }
    }

    private static InvalidDataException DecodeFailed(SKCodecResult result, string format, int width, int height) => new(result switch
    {
        SKCodecResult.IncompleteInput => Format($"truncated {format}: the data ends before the {width}x{height} image is complete."),
        SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => Format($"corrupt {format}: the {width}x{height} image data is invalid and could not be decoded."),
        _ => Format($"the {format} ({width}x{height}) could not be decoded: Skia's codec reported {result}."),
    });

    /// <summary>Why Skia found no decoder: a format we can name but do not decode, a truncated or corrupt header, or unknown data.</summary>
    private static InvalidDataException NotDecodable(ReadOnlySpan<byte> data, SKCodecResult result)
    {
        var sniffed = Sniff(data);
        if (sniffed is null)
        {
            var head = Convert.ToHexString(data[..Math.Min(8, data.Length)]);
            return new InvalidDataException(Format(
                $"unrecognized image format: the data ({data.Length} bytes) starts with 0x{head}, which is none of {SupportedFormats}."));
        }

        if (sniffed is not ("JPEG" or "PNG" or "WebP" or "BMP"))
        {
            return new InvalidDataException(Format($"unsupported image format: {sniffed}; supported: {SupportedFormats}."));
        }

        return new InvalidDataException(result == SKCodecResult.IncompleteInput
            ? Format($"truncated {sniffed}: the data ({data.Length} bytes) ends inside the header.")
            : Format($"corrupt {sniffed}: the header is invalid ({data.Length} bytes)."));
    }

    /// <summary>The format named by the file's signature, for formats Skia does not open (or whose header it cannot read).</summary>
    private static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "JPEG";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "PNG";
        }

        if (data.StartsWith("RIFF"u8) && data.Length >= 12 && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        if (data.StartsWith("BM"u8))
        {
            return "BMP";
        }

        if (data.StartsWith("GIF8"u8))
        {
            return "GIF";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return data[8..12].SequenceEqual("avif"u8) ? "AVIF" : "HEIF/HEIC";
        }

        if (data.Length >= 2 && data[0] == (byte)'P' && data[1] is >= (byte)'1' and <= (byte)'7')
        {
            return "Netpbm (PPM/PGM/PBM; read binary PPM with FaceCompliance.Vision.Components.PpmReader)";
        }

        return null;
    }

    private static string Name(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Ico => "ICO",
        SKEncodedImageFormat.Wbmp => "WBMP",
        SKEncodedImageFormat.Dng => "DNG (camera raw)",
        SKEncodedImageFormat.Heif => "HEIF/HEIC",
        SKEncodedImageFormat.Avif => "AVIF",
        SKEncodedImageFormat.Jpegxl => "JPEG XL",
        _ => format.ToString(),
    };

    /// <summary>The rest of the stream in a pinned buffer (erased by the caller); grown buffers are erased as they are replaced.</summary>
    private static (byte[] Buffer, int Length) ReadToEnd(Stream stream)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > Array.MaxLength)
            {
                throw new InvalidDataException(Format($"input too large: {remaining} bytes to decode, over the {Array.MaxLength} an array can hold."));
            }

            var exact = GC.AllocateUninitializedArray<byte>((int)Math.Max(remaining, 0), pinned: true);
            try
            {
                return (exact, stream.ReadAtLeast(exact, exact.Length, throwOnEndOfStream: false));
            }
            catch
            {
                CryptographicOperations.ZeroMemory(exact);
                throw;
            }
        }

        var buffer = GC.AllocateUninitializedArray<byte>(InitialStreamBuffer, pinned: true);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length == Array.MaxLength)
                {
                    CryptographicOperations.ZeroMemory(buffer);
                    throw new InvalidDataException(Format($"input too large: the stream holds more than the {Array.MaxLength} bytes an array can hold."));
                }

                var larger = GC.AllocateUninitializedArray<byte>((int)Math.Min((long)buffer.Length * 2, Array.MaxLength), pinned: true);
                buffer.AsSpan().CopyTo(larger);
                CryptographicOperations.ZeroMemory(buffer);
                buffer = larger;
            }

            int read;
            try
            {
                read = stream.Read(buffer, length, buffer.Length - length);
            }
            catch
            {
                CryptographicOperations.ZeroMemory(buffer);
                throw;
            }

            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
