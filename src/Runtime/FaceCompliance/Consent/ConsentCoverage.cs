using System;
using System.Linq;
using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// What a valid receipt covers: the rules every <see cref="IConsentRegistry"/> applies after it has found a receipt
/// issued, unchanged, unexpired and for the current notice. A purpose that may involve people under 14 refuses a person
/// of unknown age (Measures Art. 7; PIPL Arts. 28, 31), and processing that needs a separate-consent scope refuses a
/// receipt without it (Measures Arts. 6, 8; PIPL Arts. 23, 29).
/// </summary>
public static class ConsentCoverage
{
    /// <summary>Every separate-consent scope the jurisdiction profile knows.</summary>
    public static FacialConsentScopes AllScopes => (FacialConsentScopes)JurisdictionProfiles.China.SeparateConsentScopes;

    /// <summary>
    /// Why <paramref name="receipt"/> does not cover processing for <typeparamref name="TPurpose"/> that needs
    /// <paramref name="requiredScopes"/>, or null when it does; <paramref name="detail"/> says why in words.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="requiredScopes"/> holds a value that is not a consent scope.</exception>
    public static ConsentRejection? Check<TPurpose>(ConsentReceipt<TPurpose> receipt, FacialConsentScopes requiredScopes, out string? detail)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        EnsureScopes(requiredScopes, nameof(requiredScopes));
        var purpose = TPurpose.Info;
        if (purpose.MayInvolveMinors && receipt.AgeBand == FacialAgeBand.Unknown)
        {
            detail = $"receipt {receipt.Id} " + UnknownAgeRule(receipt.Subject, purpose.Id);
            return ConsentRejection.AgeUnknown;
        }

        var missing = requiredScopes & ~receipt.Scopes;
        if (missing != FacialConsentScopes.Processing)
        {
            detail = $"receipt {receipt.Id} holds the scopes {Describe(receipt.Scopes)}, but this processing also needs {Describe(missing)}: "
                + $"subject '{receipt.Subject}' must consent to {Describe(missing)} separately (Measures Art. 6; PIPL Art. 29)";
            return ConsentRejection.ScopeMissing;
        }

        detail = null;
        return null;
    }

    /// <summary>The scopes' names joined with " and ", or "Processing only" for none.</summary>
    public static string Describe(FacialConsentScopes scopes) => scopes == FacialConsentScopes.Processing
        ? "Processing only"
        : string.Join(" and ", LawValues.FlagNames((int)scopes, LawValues.Scopes));

    /// <summary>Throws unless <paramref name="scopes"/> combines only scopes the profile knows.</summary>
    /// <exception cref="ArgumentException"><paramref name="scopes"/> holds a value that is not a consent scope.</exception>
    public static void EnsureScopes(FacialConsentScopes scopes, string parameterName)
    {
        if ((scopes & ~AllScopes) != 0)
        {
            throw new ArgumentException(
                $"{(int)scopes} holds a value that is not a consent scope; combine {string.Join(", ", LawValues.Scopes.Select(s => s.Name))}.", parameterName);
        }
    }

    /// <summary>Why a person of unknown age is refused by a purpose that may involve minors, after "receipt X " or alone.</summary>
    internal static string UnknownAgeRule(string subjectId, string purposeId)
    {
        var guardianAge = JurisdictionProfiles.China.GuardianConsentAge;
        return $"does not say how old subject '{subjectId}' is (age band Unknown), and purpose '{purposeId}' may involve people under {guardianAge}: "
            + $"a person of unknown age is not treated as an adult. Record consent with AgeBand = Adult, or with AgeBand = Under14 and the "
            + $"GuardianId of the parent or guardian who consented (Measures Art. 7; PIPL Art. 31)";
    }
}
