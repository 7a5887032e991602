using System.Collections.Generic;
using System.Numerics;

namespace FaceCompliance.Vision;

/// <summary>A face found and embedded by <see cref="FaceRecognizer.Analyze{TPurpose}"/>.</summary>
/// <param name="Box">The detector's box in image pixels, with its score.</param>
/// <param name="Landmarks">Left eye, right eye, nose tip, left and right mouth corner, in image pixels.</param>
/// <param name="Template">The face's 512-value template.</param>
public sealed record RecognizedFace(FaceBox Box, IReadOnlyList<Vector2> Landmarks, FaceTemplate Template);
