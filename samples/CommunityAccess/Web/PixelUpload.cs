using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance;
using Microsoft.AspNetCore.Http;

namespace CommunityAccess.Web;

/// <summary>
/// Reads the decoded pixels the page sends: the request body is RGB24 (3 bytes per pixel, R, G, B, rows top to
/// bottom, no padding), its size in the query (<c>?width=640&amp;height=480</c>). Anything else is refused with a
/// message saying what was expected. The buffer is erased as soon as the <see cref="FaceImage"/> holds its copy.
/// </summary>
internal static class PixelUpload
{
    /// <summary>The longest side accepted; the page scales larger images down before sending.</summary>
    public const int MaxSide = 4096;

    /// <summary>The most pixels accepted (8 megapixels, 24 MiB of RGB24).</summary>
    public const int MaxPixels = 4096 * 2048;

    /// <summary>The content type the pixels must be sent as.</summary>
    public const string ContentType = "application/octet-stream";

    /// <summary>Reads and checks the pixels of the request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="width">The width from the query.</param>
    /// <param name="height">The height from the query.</param>
    /// <param name="cancellation">Cancels the read.</param>
    /// <returns>The image; the caller disposes it, which erases it.</returns>
    /// <exception cref="BadPixelsException">The size or the body is not what RGB24 of that size needs.</exception>
    public static async Task<FaceImage> ReadAsync(HttpRequest request, int? width, int? height, CancellationToken cancellation)
    {
        if (width is not int w || height is not int h)
        {
            throw new BadPixelsException("Give the image size in the query: ?width=<pixels>&height=<pixels>.");
        }

        if (w < 1 || h < 1 || w > MaxSide || h > MaxSide || (long)w * h > MaxPixels)
        {
            throw new BadPixelsException(string.Create(CultureInfo.InvariantCulture,
                $"An image of {w}x{h} pixels is not accepted: each side must be 1 to {MaxSide} pixels and the whole at most {MaxPixels} pixels (scale it down first)."));
        }

        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadPixelsException($"Send the pixels as {ContentType} (the body is raw RGB24), not as '{request.ContentType ?? "no content type"}'.");
        }

        int expected = w * h * 3;
        if (request.ContentLength is long declared && declared != expected)
        {
            throw new BadPixelsException(Mismatch(w, h, expected, declared));
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(expected + 1);
        try
        {
            int read = 0;
            while (read <= expected)
            {
                int n = await request.Body.ReadAsync(buffer.AsMemory(read, expected + 1 - read), cancellation);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read != expected)
            {
                long total = read;
                if (read > expected)
                {
                    // Count the rest for the message, without keeping it.
                    byte[] scratch = new byte[81920];
                    int n;
                    while ((n = await request.Body.ReadAsync(scratch, cancellation)) > 0 && total < 256L * 1024 * 1024)
                    {
                        total += n;
                    }

                    CryptographicOperations.ZeroMemory(scratch);
                }

                throw new BadPixelsException(Mismatch(w, h, expected, total));
            }

            return FaceImage.FromRgb24(buffer.AsSpan(0, expected), w, h);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Mismatch(int width, int height, int expected, long actual)
    {
        string hint = actual == (long)width * height * 4
            ? " That is 4 bytes per pixel: drop the alpha byte of RGBA."
            : actual < expected ? " The body is short: send every row." : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Wrong pixel length: a {width}x{height} image in RGB24 is {width} x {height} x 3 = {expected} bytes, but the request body has {actual} bytes.{hint} Send the decoded pixels (R, G, B per pixel, rows top to bottom, no padding), not the JPEG or PNG file.");
    }
}

/// <summary>The uploaded pixels do not match the size given, or the size is not accepted.</summary>
internal sealed class BadPixelsException(string message) : Exception(message);
