using System;
using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>
/// Frames a tight face crop (a passport-style photo, an ID-card portrait, a crop cut out by another tool) the way a
/// camera frame would hold it, so the face detector finds it.
/// </summary>
/// <remarks>
/// <para>
/// The face detector was trained on whole camera frames, where a face takes a part of the picture, and reads every
/// photo stretched to 320x240: it misses faces that fill the image, or boxes them badly. Of the 40 shared 150x150
/// identity crops passed as they are, one gives no face and nine a box wider than the photo itself (boxes 77 to 173 px
/// wide); centred in the frame, every one gives a face, boxes 107 to 140 px wide (FaceFramesTests).
/// </para>
/// <para>
/// Centring the crop in a black frame of the detector's input size gives the face that surrounding without scaling
/// it, so its pixels reach the landmark and embedding models unchanged. A photo larger than the frame is a scene, not
/// a crop: pass it as it is.
/// </para>
/// </remarks>
public static class FaceFrames
{
    /// <summary>The width of the detector's input frame, in pixels.</summary>
    public const int DetectorFrameWidth = FaceAnalyzer.DetectorWidth;

    /// <summary>The height of the detector's input frame, in pixels.</summary>
    public const int DetectorFrameHeight = FaceAnalyzer.DetectorHeight;

    /// <summary>
    /// The crop centred in a black <see cref="DetectorFrameWidth"/> x <see cref="DetectorFrameHeight"/> frame, not
    /// scaled: its top-left pixel lands at ((320 - width) / 2, (240 - height) / 2), rounded down.
    /// </summary>
    /// <param name="crop">The crop, at most 320x240; it is not modified, and the caller still disposes it.</param>
    /// <returns>A new 320x240 image; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The crop is wider than 320 or taller than 240 pixels.</exception>
    /// <exception cref="ObjectDisposedException">The crop was disposed.</exception>
    public static FaceImage CenterInDetectorFrame(FaceImage crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Width > DetectorFrameWidth || crop.Height > DetectorFrameHeight)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A {crop.Width}x{crop.Height} image does not fit in the {DetectorFrameWidth}x{DetectorFrameHeight} detector frame: only a crop that fits is framed; pass a larger photo as it is."),
                nameof(crop));
        }

        // Pinned, and owned by the returned image, so no unerased copy of the face is left behind.
        var frame = GC.AllocateArray<byte>(DetectorFrameWidth * DetectorFrameHeight * 3, pinned: true);
        ImageOps.PadCentered(crop.Pixels, crop.Width, crop.Height, frame, DetectorFrameWidth, DetectorFrameHeight);
        return FaceImage.TakeOwnershipOfPinned(frame, DetectorFrameWidth, DetectorFrameHeight);
    }
}
