using System;

namespace FaceCompliance;

/// <summary>
/// A record that a purpose's declared legal basis other than consent applies (PIPL Art. 13 §1 (2)-(7)): who decided it,
/// under which law, duty or contract, and for how long. Recorded with <see cref="ILegalBasisRegistry.GrantBasis{TPurpose}"/>.
/// </summary>
/// <param name="Basis">The basis; it must be the one the purpose declares.</param>
/// <param name="LawReference">The law, article, duty, order or contract the basis rests on, e.g. "《突发事件应对法》第五十四条 / order 2026-17"; at most 512 characters, no control characters.</param>
/// <param name="GrantedBy">Who decided that the basis applies (a person or office id, at most 128 characters).</param>
/// <param name="ValidUntil">When the basis stops applying; a grant without an end is not accepted.</param>
public sealed record LegalBasisGrant(FacialLegalBasis Basis, string LawReference, string GrantedBy, DateTimeOffset ValidUntil)
{
    /// <summary>The longest law reference accepted.</summary>
    public const int MaxLawReferenceLength = 512;

    /// <summary>When the basis starts applying; when it is recorded if null.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Throws unless this grant may be recorded for <paramref name="purpose"/> at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">The grant is invalid; the message names the problem.</exception>
    public void Validate(FacialPurposeInfo purpose, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        SubjectId.Validate(GrantedBy, nameof(GrantedBy));
        if (purpose.LegalBasis == FacialLegalBasis.Consent)
        {
            throw new ArgumentException(
                $"Purpose '{purpose.Id}' declares consent as its legal basis: record each person's consent with IConsentRegistry.Grant. A legal-basis grant is only for a purpose that declares another basis (PIPL Art. 13).",
                nameof(Basis));
        }

        if (Basis != purpose.LegalBasis)
        {
            throw new ArgumentException($"Purpose '{purpose.Id}' declares the legal basis {purpose.LegalBasis}, not {Basis}; a grant records the declared basis.", nameof(Basis));
        }

        if (string.IsNullOrWhiteSpace(LawReference) || LawReference.Length > MaxLawReferenceLength)
        {
            throw new ArgumentException($"A legal-basis grant names the law, duty or contract it rests on in 1 to {MaxLawReferenceLength} characters.", nameof(LawReference));
        }

        foreach (var c in LawReference)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"A law reference must not contain control characters (found U+{(int)c:X4}).", nameof(LawReference));
            }
        }

        var from = ValidFrom ?? now;
        if (ValidUntil <= from)
        {
            throw new ArgumentException($"A legal-basis grant must end after it starts; it runs from {from:u} to {ValidUntil:u}.", nameof(ValidUntil));
        }

        if (ValidUntil <= now)
        {
            throw new ArgumentException($"A legal-basis grant that ended at {ValidUntil:u} cannot be recorded now ({now:u}).", nameof(ValidUntil));
        }
    }
}
