namespace FaceCompliance;

/// <summary>How consent was given (Measures Art. 6; PIPL Arts. 14 and 29).</summary>
public enum ConsentForm
{
    /// <summary>Separate consent (单独同意): a distinct action for facial processing alone, not bundled with anything else.</summary>
    Separate = 1,

    /// <summary>Written consent (书面同意), where a law requires it; also separate. A written release under BIPA §15(b)(3).</summary>
    Written = 2,

    /// <summary>
    /// A written release signed electronically (Illinois BIPA §10 as amended by P.A. 103-0769: a "written release"
    /// includes an electronic signature, which §15(b)(3) accepts from 2024-08-02); written, and also separate.
    /// <see cref="Written"/> records a release signed on paper or as informed written consent.
    /// </summary>
    ElectronicSignature = 3,
}
