using System;
using System.IO;
using FaceCompliance.Vision;

namespace FaceCompliance.Calibrate;

/// <summary>
/// The one place where the tool turns a photo file into pixels. PPM (P6) only for now; when FaceCompliance.Vision
/// decodes JPEG and PNG (FaceImageDecoder), <see cref="CanRead"/> and <see cref="Read"/> switch to it.
/// </summary>
internal static class PhotoDecoder
{
    // The detector's input frame: a photo that fits inside it is a tight crop, centred in a black frame of this size
    // as a camera frame would hold it, because the detector misses faces that fill the image.
    private const int FrameWidth = 320;
    private const int FrameHeight = 240;

    /// <summary>What <see cref="CanRead"/> accepts, for messages.</summary>
    public const string SupportedFormats = "PPM (P6, .ppm)";

    /// <summary>Whether the file is of a format the tool reads, by its extension.</summary>
    public static bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".ppm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The photo's pixels; a photo that fits in 320x240 comes centred in a black 320x240 frame. The caller disposes it.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable photo.</exception>
    public static FaceImage Read(string path)
    {
        var photo = PpmReader.ReadFile(path);
        if (photo.Width > FrameWidth || photo.Height > FrameHeight)
        {
            return photo;
        }

        using (photo)
        {
            return CentredInFrame(photo);
        }
    }

    private static FaceImage CentredInFrame(FaceImage photo)
    {
        var frame = GC.AllocateArray<byte>(FrameWidth * FrameHeight * 3, pinned: true);
        try
        {
            var left = (FrameWidth - photo.Width) / 2;
            var top = (FrameHeight - photo.Height) / 2;
            var rowBytes = photo.Width * 3;
            for (var y = 0; y < photo.Height; y++)
            {
                photo.Pixels.Slice(y * rowBytes, rowBytes).CopyTo(frame.AsSpan((((top + y) * FrameWidth) + left) * 3));
            }

            return FaceImage.FromRgb24(frame, FrameWidth, FrameHeight);
        }
        finally
        {
            Array.Clear(frame);
        }
    }
}
