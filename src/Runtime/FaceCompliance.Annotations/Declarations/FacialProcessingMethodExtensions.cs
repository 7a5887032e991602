using FaceCompliance.Methods;

namespace FaceCompliance;

/// <summary>Which uses a purpose's declared method allows: the table of rule FC0005, for checks at run time.</summary>
public static class FacialProcessingMethodExtensions
{
    /// <summary>
    /// Whether a purpose declared with <paramref name="purposeMethod"/> allows a use of <paramref name="use"/>: every
    /// method allows detection (which includes locating landmarks and aligning the face) and itself; 1:1 verification
    /// also allows liveness; 1:N identification also allows liveness and verification. An unspecified method on either
    /// side allows nothing, so a check fails closed.
    /// </summary>
    public static bool Allows(this FacialProcessingMethod purposeMethod, FacialProcessingMethod use)
        => ProcessingMethodTable.Allows((int)purposeMethod, (int)use);
}
