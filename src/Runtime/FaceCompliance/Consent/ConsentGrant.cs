using System;

namespace FaceCompliance;

/// <summary>
/// What a person agreed to, as the application records it after they read the purpose's notice and took a separate
/// action to consent (Measures Art. 6): the purpose's processing, and each further scope they agreed to separately.
/// For a person under 14, the guardian consents (Art. 7; PIPL Art. 31).
/// </summary>
/// <param name="SubjectId">The person whose face will be processed: a pseudonymous id, at most 128 characters.</param>
/// <param name="Form">How consent was given.</param>
public sealed record ConsentGrant(string SubjectId, ConsentForm Form = ConsentForm.Separate)
{
    /// <summary>
    /// How old the person is known to be. <see cref="FacialAgeBand.Unknown"/> (the default) is refused for a purpose
    /// that may involve minors: such a purpose never treats a person of unknown age as an adult.
    /// </summary>
    public FacialAgeBand AgeBand { get; init; }

    /// <summary>The parent or guardian who consented for a person under 14; required then, not allowed otherwise.</summary>
    public string? GuardianId { get; init; }

    /// <summary>
    /// The separate-consent scopes the person agreed to beyond processing for the purpose (transfer off the device,
    /// keeping images, provision to another processor); <see cref="FacialConsentScopes.Processing"/> (none) by default.
    /// </summary>
    public FacialConsentScopes Scopes { get; init; }

    /// <summary>How long the consent stays valid; the purpose's retention period when null.</summary>
    public TimeSpan? ValidFor { get; init; }

    /// <summary>
    /// Throws unless this grant may be recorded for <paramref name="purpose"/>; every registry calls it before it
    /// issues a receipt.
    /// </summary>
    /// <exception cref="ArgumentException">The grant is invalid; the message names the problem.</exception>
    /// <exception cref="ConsentRequirementNotMetException">
    /// The form lacks a property a jurisdiction of the purpose requires (<see cref="FacialPurposeInfo.ConsentRequirements"/>).
    /// </exception>
    public void Validate(FacialPurposeInfo purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        FaceCompliance.SubjectId.Validate(SubjectId, nameof(SubjectId));
        if (!Enum.IsDefined(Form))
        {
            throw new ArgumentException($"{Form} is not a consent form; use Separate, Written or ElectronicSignature.", nameof(Form));
        }

        foreach (var requirement in purpose.ConsentRequirements)
        {
            if (!requirement.IsMetBy(Form))
            {
                throw new ConsentRequirementNotMetException(purpose.Id, Form, requirement);
            }
        }

        if (!Enum.IsDefined(AgeBand))
        {
            throw new ArgumentException($"{(int)AgeBand} is not an age band; use Adult, Under14 or Unknown.", nameof(AgeBand));
        }

        ConsentCoverage.EnsureScopes(Scopes, nameof(Scopes));

        if (GuardianId is not null)
        {
            FaceCompliance.SubjectId.Validate(GuardianId, nameof(GuardianId));
        }

        var guardianAge = Profiles.JurisdictionProfiles.China.GuardianConsentAge;
        if (AgeBand == FacialAgeBand.Under14 && GuardianId is null)
        {
            throw new ArgumentException(
                $"Subject '{SubjectId}' is under {guardianAge}: only a parent or guardian may consent (Measures Art. 7; PIPL Art. 31); set GuardianId to the guardian who consented.",
                nameof(GuardianId));
        }

        if (AgeBand != FacialAgeBand.Under14 && GuardianId is not null)
        {
            throw new ArgumentException(
                $"A guardian consents only for a subject under {guardianAge}; subject '{SubjectId}' has age band {AgeBand}. Set AgeBand = Under14, or remove GuardianId.",
                nameof(GuardianId));
        }

        if (AgeBand == FacialAgeBand.Under14 && !purpose.MayInvolveMinors)
        {
            throw new ArgumentException($"Purpose '{purpose.Id}' does not declare MayInvolveMinors, so it may not process subject '{SubjectId}', who is under {guardianAge}.", nameof(AgeBand));
        }

        if (AgeBand == FacialAgeBand.Unknown && purpose.MayInvolveMinors)
        {
            throw new ArgumentException("The grant " + ConsentCoverage.UnknownAgeRule(SubjectId, purpose.Id) + ".", nameof(AgeBand));
        }

        if (ValidFor is { } validFor && validFor <= TimeSpan.Zero)
        {
            throw new ArgumentException($"A consent must be valid for a positive time, not {validFor}.", nameof(ValidFor));
        }
    }
}
