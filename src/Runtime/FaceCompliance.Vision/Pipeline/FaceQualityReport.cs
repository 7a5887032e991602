using System.Collections.Generic;
using System.Numerics;

namespace FaceCompliance.Vision;

/// <summary>How good a face is for enrolment: what was measured, and what fell short of <see cref="FaceQualityOptions"/>.</summary>
/// <param name="Face">The face measured: its box and detector score.</param>
/// <param name="Landmarks">Its five alignment points: left eye, right eye, nose tip, left and right mouth corner, in image pixels.</param>
/// <param name="FaceSize">The shorter side of the box, in image pixels.</param>
/// <param name="Sharpness">
/// The variance of the Laplacian (4-neighbour) over the central 80x80 of the aligned 112x112 gray face, divided by the
/// variance of its gray levels and times 100: fine detail relative to contrast, so it does not change with exposure.
/// </param>
/// <param name="Yaw">The head's turn in degrees, estimated from the five points: positive when the nose points to the image's right.</param>
/// <param name="Pitch">The head's tilt in degrees, estimated from the five points: positive when the face looks up.</param>
/// <param name="Roll">The eye line's tilt in degrees: positive when it turns clockwise on screen.</param>
/// <param name="Brightness">The mean gray level of the aligned face's central 80x80, 0 to 255.</param>
/// <param name="ClippedFraction">The fraction of that region at or below gray 5 or at or above 250, from 0 to 1.</param>
/// <param name="Issues">Every limit the face fails, in the order of <see cref="FaceQualityIssueKind"/>; empty when it is good enough.</param>
public sealed record FaceQualityReport(
    FaceBox Face,
    IReadOnlyList<Vector2> Landmarks,
    float FaceSize,
    float Sharpness,
    float Yaw,
    float Pitch,
    float Roll,
    float Brightness,
    float ClippedFraction,
    IReadOnlyList<FaceQualityIssue> Issues)
{
    /// <summary>The detector's score for the face, from 0 to 1.</summary>
    public float DetectionScore => Face.Score;

    /// <summary>Whether the face meets every limit.</summary>
    public bool IsAcceptable => Issues.Count == 0;
}
