namespace FaceCompliance.Vision;

/// <summary>Why a face is not good enough to enrol; each kind has its limit in <see cref="FaceQualityOptions"/>.</summary>
public enum FaceQualityIssueKind
{
    /// <summary>The face is smaller than <see cref="FaceQualityOptions.MinimumFaceSize"/>: too far from the camera.</summary>
    TooSmall = 1,

    /// <summary>The detector's score is below <see cref="FaceQualityOptions.MinimumDetectionScore"/>: the face is covered, cut off or unclear.</summary>
    LowDetectionScore = 2,

    /// <summary>The face is less sharp than <see cref="FaceQualityOptions.MinimumSharpness"/>: out of focus or moving.</summary>
    Blurred = 3,

    /// <summary>The head is turned to the side by more than <see cref="FaceQualityOptions.MaximumYaw"/>.</summary>
    Yaw = 4,

    /// <summary>The head is tilted up or down by more than <see cref="FaceQualityOptions.MaximumPitch"/>.</summary>
    Pitch = 5,

    /// <summary>The head (or the camera) is tilted in the image plane by more than <see cref="FaceQualityOptions.MaximumRoll"/>.</summary>
    Roll = 6,

    /// <summary>The face is darker than <see cref="FaceQualityOptions.MinimumBrightness"/>.</summary>
    TooDark = 7,

    /// <summary>The face is brighter than <see cref="FaceQualityOptions.MaximumBrightness"/>.</summary>
    TooBright = 8,

    /// <summary>More of the face than <see cref="FaceQualityOptions.MaximumClippedFraction"/> is pure black or white: detail is lost.</summary>
    Clipped = 9,
}
