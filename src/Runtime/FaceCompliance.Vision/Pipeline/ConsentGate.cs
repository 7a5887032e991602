using System;

namespace FaceCompliance.Vision;

/// <summary>
/// The checks every public processing call makes before it reads a pixel or a template: the receipt is valid now
/// (Measures Art. 6), and its purpose's declared method allows the call (the analyzers' FC0005, again at run time).
/// </summary>
internal static class ConsentGate
{
    public static void Ensure<TPurpose>(IConsentRegistry consents, ConsentReceipt<TPurpose> receipt, FacialProcessingMethod use)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        EnsureAllowed<TPurpose>(use);
        consents.EnsureValid(receipt);
    }

    public static void EnsureAllowed<TPurpose>(FacialProcessingMethod use)
        where TPurpose : IFacialDataPurpose
    {
        var purpose = TPurpose.Info;
        if (!purpose.Method.Allows(use))
        {
            throw new InvalidOperationException(
                $"Purpose '{purpose.Id}' is declared for {purpose.Method}, which does not allow {use} (rule FC0005); declare a purpose whose method allows it.");
        }
    }

    public static void EnsureImageSize(FaceImage image, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(image, parameterName);
        if (image.Width < FaceRecognizer.MinimumImageSide || image.Height < FaceRecognizer.MinimumImageSide)
        {
            throw new ArgumentException(
                $"The image is {image.Width}x{image.Height}; faces need at least {FaceRecognizer.MinimumImageSide}x{FaceRecognizer.MinimumImageSide} pixels.", parameterName);
        }
    }
}
