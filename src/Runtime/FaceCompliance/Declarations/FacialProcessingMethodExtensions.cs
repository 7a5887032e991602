namespace FaceCompliance;

/// <summary>Which uses a purpose's declared method allows: the table of rule FC0005, for checks at run time.</summary>
public static class FacialProcessingMethodExtensions
{
    /// <summary>
    /// Whether a purpose declared with <paramref name="purposeMethod"/> allows a use of <paramref name="use"/>: every
    /// method allows detection and itself; liveness and attribute analysis allow only those; 1:1 verification also
    /// allows liveness; 1:N identification allows everything.
    /// </summary>
    public static bool Allows(this FacialProcessingMethod purposeMethod, FacialProcessingMethod use) => (purposeMethod, use) switch
    {
        (FacialProcessingMethod.Unspecified, _) or (_, FacialProcessingMethod.Unspecified) => false,
        _ when purposeMethod == use => true,
        (_, FacialProcessingMethod.Detection) => true,
        (FacialProcessingMethod.Verification, FacialProcessingMethod.Liveness) => true,
        (FacialProcessingMethod.Identification, not FacialProcessingMethod.AttributeAnalysis) => true,
        _ => false,
    };
}
