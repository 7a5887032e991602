using System;
using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>
/// The limits an enrolment photo must meet (<see cref="FaceRecognizer.AssessQuality{TPurpose}"/>,
/// <see cref="FaceRecognizer.ExtractEnrollmentTemplate{TPurpose}"/>). Every shared test photograph passes the defaults;
/// what each measures, and the ranges measured on those photos, are in docs/vision.md ("Enrolment quality").
/// </summary>
public sealed record FaceQualityOptions
{
    /// <summary>The smallest face accepted: the shorter side of the detector's box, in image pixels; 48.</summary>
    public float MinimumFaceSize { get; init; } = 48;

    /// <summary>The lowest detector score accepted, from 0 to 1; 0.9. A covered or cut-off face scores lower.</summary>
    public float MinimumDetectionScore { get; init; } = 0.9f;

    /// <summary>The lowest sharpness accepted (<see cref="FaceQualityReport.Sharpness"/>); 4.</summary>
    public float MinimumSharpness { get; init; } = 4;

    /// <summary>The largest head turn to either side accepted, in degrees (<see cref="FaceQualityReport.Yaw"/>); 50.</summary>
    public float MaximumYaw { get; init; } = 50;

    /// <summary>The largest head tilt up or down accepted, in degrees (<see cref="FaceQualityReport.Pitch"/>); 35.</summary>
    public float MaximumPitch { get; init; } = 35;

    /// <summary>The largest in-plane head tilt accepted, in degrees (<see cref="FaceQualityReport.Roll"/>); 30.</summary>
    public float MaximumRoll { get; init; } = 30;

    /// <summary>The lowest mean gray level of the face accepted, 0 to 255; 40.</summary>
    public float MinimumBrightness { get; init; } = 40;

    /// <summary>The highest mean gray level of the face accepted, 0 to 255; 220.</summary>
    public float MaximumBrightness { get; init; } = 220;

    /// <summary>The largest fraction of the face clipped to black or white accepted, from 0 to 1; 0.3.</summary>
    public float MaximumClippedFraction { get; init; } = 0.3f;

    /// <summary>Throws when a limit is out of its range, naming the limit and its value.</summary>
    internal void EnsureValid()
    {
        Ensure(MinimumFaceSize, 0, FaceImage.MaxDimension, nameof(MinimumFaceSize), "pixels");
        Ensure(MinimumDetectionScore, 0, 1, nameof(MinimumDetectionScore), "a detector score");
        Ensure(MinimumSharpness, 0, float.MaxValue, nameof(MinimumSharpness), "a sharpness");
        Ensure(MaximumYaw, 0, 90, nameof(MaximumYaw), "degrees");
        Ensure(MaximumPitch, 0, 90, nameof(MaximumPitch), "degrees");
        Ensure(MaximumRoll, 0, 180, nameof(MaximumRoll), "degrees");
        Ensure(MinimumBrightness, 0, 255, nameof(MinimumBrightness), "a gray level");
        Ensure(MaximumBrightness, MinimumBrightness, 255, nameof(MaximumBrightness), "a gray level, not below MinimumBrightness");
        Ensure(MaximumClippedFraction, 0, 1, nameof(MaximumClippedFraction), "a fraction");
    }

    private static void Ensure(float value, float minimum, float maximum, string name, string unit)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"FaceQualityOptions.{name} is {value}; it must be {unit} from {minimum} to {maximum}."));
        }
    }
}
