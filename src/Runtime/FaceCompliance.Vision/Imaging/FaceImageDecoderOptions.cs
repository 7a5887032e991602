using System;
using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>Limits for <see cref="FaceImageDecoder"/>.</summary>
public sealed record FaceImageDecoderOptions
{
    private readonly int maxPixels = FaceImage.MaxPixels;

    /// <summary>The defaults: up to <see cref="FaceImage.MaxPixels"/> decoded pixels.</summary>
    public static FaceImageDecoderOptions Default { get; } = new();

    /// <summary>
    /// The most pixels (width × height) an image may have; a larger one is refused from its header, before any pixel
    /// memory is allocated, so a small file that declares a huge image (a decompression bomb) costs nothing.
    /// 1 to <see cref="FaceImage.MaxPixels"/> (the default, about 33.5 megapixels); a gate camera's frames can be held
    /// to far less. Each side is also limited to <see cref="FaceImage.MaxDimension"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and <see cref="FaceImage.MaxPixels"/>.</exception>
    public int MaxPixels
    {
        get => maxPixels;
        init
        {
            if (value is < 1 or > FaceImage.MaxPixels)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(MaxPixels),
                    value,
                    string.Create(CultureInfo.InvariantCulture, $"the pixel limit must be between 1 and FaceImage.MaxPixels ({FaceImage.MaxPixels}), got {value}."));
            }

            maxPixels = value;
        }
    }
}
