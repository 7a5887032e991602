using System;
using System.IO;
using FaceCompliance.Vision;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Calibrate;

/// <summary>
/// The one place where the tool turns a photo file into pixels: JPEG, PNG, WebP and BMP through FaceCompliance.Vision's
/// <see cref="FaceImageDecoder"/> (EXIF orientation applied), binary PPM through <see cref="PpmReader"/>.
/// </summary>
internal static class PhotoDecoder
{
    /// <summary>What <see cref="CanRead"/> accepts, for messages.</summary>
    public const string SupportedFormats = FaceImageDecoder.SupportedFormats + " or PPM (P6), named .jpg, .jpeg, .png, .webp, .bmp or .ppm";

    private const string PpmExtension = ".ppm";

    private static readonly string[] DecoderExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp"];

    /// <summary>Whether the file is of a format the tool reads, by its extension (any case).</summary>
    public static bool CanRead(string path)
    {
        var extension = Path.GetExtension(path);
        return IsPpm(path) || Array.Exists(DecoderExtensions, e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The photo's pixels; a photo that fits in the detector's 320x240 frame is a tight crop and comes centred in it
    /// (<see cref="FaceFrames.CenterInDetectorFrame"/>). The caller disposes it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is empty, truncated, corrupt, or not of the format its content or name says.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static FaceImage Read(string path)
    {
        var photo = IsPpm(path) ? PpmReader.ReadFile(path) : FaceImageDecoder.DecodeFile(path);
        if (photo.Width > FaceFrames.DetectorFrameWidth || photo.Height > FaceFrames.DetectorFrameHeight)
        {
            return photo;
        }

        using (photo)
        {
            return FaceFrames.CenterInDetectorFrame(photo);
        }
    }

    private static bool IsPpm(string path) => string.Equals(Path.GetExtension(path), PpmExtension, StringComparison.OrdinalIgnoreCase);
}
