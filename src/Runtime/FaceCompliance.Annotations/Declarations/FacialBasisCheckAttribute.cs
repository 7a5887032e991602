using System;

namespace FaceCompliance;

/// <summary>
/// Marks a method or property that verifies a signed grant of a legal basis other than consent (PIPL Art. 13 §1
/// (2)-(7)) for a purpose: a purpose whose <see cref="FacialDataPurposeAttribute.LegalBasis"/> is not
/// <see cref="FacialLegalBasis.Consent"/> needs such a check, instead of a consent check, on every control-flow path
/// before each use (FC0002, FC0006). It has the shapes of a <see cref="FacialConsentCheckAttribute"/>: a method that
/// throws when no grant exists, a <see cref="bool"/> that is <see langword="true"/> only when it does, or one that
/// returns a receipt; a task-returning one counts where it is awaited.
/// </summary>
/// <remarks>
/// The purpose checked is found as for a consent check: the type given here, then a purpose type among the method's,
/// the containing type's or the returned receipt's type arguments. A basis check whose purpose cannot be determined
/// counts for every purpose whose basis is not consent.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FacialBasisCheckAttribute : Attribute
{
    /// <summary>Marks a basis check whose purpose comes from type arguments, or that counts for every purpose not based on consent.</summary>
    public FacialBasisCheckAttribute()
    {
    }

    /// <summary>Marks a basis check for one purpose.</summary>
    /// <param name="purpose">A type marked <see cref="FacialDataPurposeAttribute"/>.</param>
    public FacialBasisCheckAttribute(Type purpose) => Purpose = purpose;

    /// <summary>The purpose checked, when given explicitly.</summary>
    public Type? Purpose { get; }
}
