using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace FaceCompliance;

/// <summary>
/// The decoded pixels of one face photo or video frame: RGB24, 3 bytes per pixel, rows top to bottom, no padding.
/// </summary>
/// <remarks>
/// A face image is the rawest form of facial information. GB/T 41819 asks that images be deleted right after
/// verification or identification and that only templates (人脸特征) be kept, so this type can be neither
/// serialized nor persisted by the library, and <see cref="Dispose"/> overwrites its pixels with zeros.
/// Dispose it as soon as the template has been extracted.
/// </remarks>
[JsonConverter(typeof(FaceImageJsonConverter))]
public sealed class FaceImage : IDisposable
{
    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxDimension = 8192;

    /// <summary>The largest number of pixels accepted (8192 × 4096, about 100 MB of RGB24).</summary>
    public const int MaxPixels = 8192 * 4096;

    private const int BytesPerPixel = 3;

    private readonly byte[] pixels;
    private bool disposed;

    private FaceImage(byte[] pixels, int width, int height)
    {
        this.pixels = pixels;
        Width = width;
        Height = height;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>The RGB24 pixels, <see cref="Width"/> × <see cref="Height"/> × 3 bytes, row-major.</summary>
    /// <exception cref="ObjectDisposedException">The image was disposed and its pixels erased.</exception>
    public ReadOnlySpan<byte> Pixels
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return pixels;
        }
    }

    /// <summary>The owned buffer itself, so tests can check that <see cref="Dispose"/> erased it.</summary>
    internal byte[] BufferForTests => pixels;

    /// <summary>Copies RGB24 pixels into a new image that owns its buffer.</summary>
    /// <param name="pixels">Exactly <paramref name="width"/> × <paramref name="height"/> × 3 bytes, row-major, no padding.</param>
    /// <param name="width">The width in pixels, 1 to <see cref="MaxDimension"/>.</param>
    /// <param name="height">The height in pixels, 1 to <see cref="MaxDimension"/>.</param>
    /// <returns>The new image; the caller disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is empty or over <see cref="MaxDimension"/> or <see cref="MaxPixels"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not hold exactly width × height × 3 bytes.</exception>
    public static FaceImage FromRgb24(ReadOnlySpan<byte> pixels, int width, int height)
    {
        ValidateSize(width, height);
        long expected = (long)width * height * BytesPerPixel;
        if (pixels.Length != expected)
        {
            throw new ArgumentException(Format($"expected {expected} bytes for {width}x{height} RGB24, got {pixels.Length}."), nameof(pixels));
        }

        // Pinned so the garbage collector never moves it and leaves an unerased copy of the face behind.
        var buffer = GC.AllocateUninitializedArray<byte>(pixels.Length, pinned: true);
        pixels.CopyTo(buffer);
        return new FaceImage(buffer, width, height);
    }

    /// <summary>
    /// Makes an image that takes ownership of <paramref name="pinnedPixels"/> without copying it, for decoders that
    /// write the final RGB24 pixels straight into the buffer the image will own (FaceCompliance.Vision's decoder).
    /// </summary>
    /// <param name="pinnedPixels">
    /// Exactly width × height × 3 bytes, allocated pinned (<c>GC.AllocateUninitializedArray(length, pinned: true)</c>)
    /// so the garbage collector never leaves an unerased copy behind; the caller must keep no other reference to it.
    /// </param>
    /// <param name="width">The width in pixels, 1 to <see cref="MaxDimension"/>.</param>
    /// <param name="height">The height in pixels, 1 to <see cref="MaxDimension"/>.</param>
    /// <returns>The new image, owning the buffer; <see cref="Dispose"/> erases it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is empty or over the limits.</exception>
    /// <exception cref="ArgumentException">The buffer does not hold exactly width × height × 3 bytes.</exception>
    internal static FaceImage TakeOwnershipOfPinned(byte[] pinnedPixels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(pinnedPixels);
        ValidateSize(width, height);
        long expected = (long)width * height * BytesPerPixel;
        if (pinnedPixels.Length != expected)
        {
            throw new ArgumentException(Format($"expected {expected} bytes for {width}x{height} RGB24, got {pinnedPixels.Length}."), nameof(pinnedPixels));
        }

        return new FaceImage(pinnedPixels, width, height);
    }

    /// <summary>Overwrites the pixels with zeros; afterwards <see cref="Pixels"/> throws. Calling it again does nothing.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(pixels);
        disposed = true;
    }

    /// <summary>Describes the image by its size only; pixel values never appear in logs.</summary>
    /// <returns>For example <c>FaceImage 640x480 RGB24</c>.</returns>
    public override string ToString() =>
        Format($"FaceImage {Width}x{Height} RGB24{(disposed ? " (disposed)" : string.Empty)}");

    private static void ValidateSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(
                width <= 0 ? nameof(width) : nameof(height),
                Format($"empty image: width and height must be positive, got {width}x{height}."));
        }

        if (width > MaxDimension || height > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(
                width > MaxDimension ? nameof(width) : nameof(height),
                Format($"image too large: {width}x{height} is over the limit of {MaxDimension} pixels per side."));
        }

        long pixelCount = (long)width * height;
        if (pixelCount > MaxPixels)
        {
            throw new ArgumentOutOfRangeException(
                nameof(height),
                Format($"image too large: {width}x{height} is {pixelCount} pixels, over the limit of {MaxPixels}."));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
