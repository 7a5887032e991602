using System;

namespace FaceCompliance;

/// <summary>
/// A consent grant was refused because its form does not have a property that a jurisdiction the purpose serves
/// requires of every receipt (<see cref="FacialPurposeInfo.ConsentRequirements"/>; e.g. BIPA §15(b)(3) needs a written
/// release or an electronic signature). Nothing was recorded.
/// </summary>
public sealed class ConsentRequirementNotMetException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="requirement"/>, unmet by a grant in <paramref name="form"/>.</summary>
    /// <param name="purposeId">The purpose.</param>
    /// <param name="form">The grant's form.</param>
    /// <param name="requirement">The requirement it does not meet.</param>
    public ConsentRequirementNotMetException(string purposeId, ConsentForm form, FacialConsentRequirement requirement)
        : base(
            $"Purpose '{purposeId}' serves {requirement?.Jurisdiction}, whose consent must be {requirement?.Property} ({requirement?.Rule}); a {form} consent is not. "
                + Advice(requirement?.Property),
            nameof(ConsentGrant.Form))
    {
        ArgumentNullException.ThrowIfNull(requirement);
        PurposeId = purposeId;
        Form = form;
        Requirement = requirement;
    }

    /// <summary>The purpose the grant was for.</summary>
    public string PurposeId { get; }

    /// <summary>The grant's form.</summary>
    public ConsentForm Form { get; }

    /// <summary>The requirement the form does not meet: the property and the jurisdiction.</summary>
    public FacialConsentRequirement Requirement { get; }

    private static string Advice(FacialConsentProperty? property) => property switch
    {
        FacialConsentProperty.WrittenOrESignature => "Record a written release: ConsentForm.Written or ConsentForm.ElectronicSignature.",
        FacialConsentProperty.Written => "Record a written release: ConsentForm.Written.",
        _ => "Use a defined ConsentForm.",
    };
}
