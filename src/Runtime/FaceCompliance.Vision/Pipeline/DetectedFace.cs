using System.Collections.Generic;
using System.Numerics;

namespace FaceCompliance.Vision;

/// <summary>A face found in an image: its box and score in image pixels, and its five alignment points.</summary>
/// <param name="Box">The detector's box, not squared.</param>
/// <param name="Landmarks">Left eye, right eye, nose tip, left and right mouth corner, in image pixels.</param>
public sealed record DetectedFace(FaceBox Box, IReadOnlyList<Vector2> Landmarks);
