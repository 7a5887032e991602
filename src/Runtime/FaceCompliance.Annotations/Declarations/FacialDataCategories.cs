using System;

namespace FaceCompliance;

/// <summary>
/// Categories of personal information a purpose processes (PIPL Art. 17(2); GB/T 41819-2022 terms).
/// </summary>
[Flags]
public enum FacialDataCategories
{
    /// <summary>No category declared.</summary>
    None = 0,

    /// <summary>Face images (人脸图像): the pixels of a face.</summary>
    FaceImage = 1,

    /// <summary>Face features or templates (人脸特征): numbers derived from a face that identify it.</summary>
    FaceTemplate = 2,

    /// <summary>Identity data linked to the face, such as a name, room number or card number.</summary>
    LinkedIdentity = 4,

    /// <summary>Liveness signals derived from the capture (depth, motion, texture).</summary>
    LivenessSignal = 8,
}
