using System;

namespace FaceCompliance;

/// <summary>
/// Marks a method or property that checks separate consent to process facial information (Measures Art. 6;
/// PIPL Art. 29). The analyzers accept three shapes: a method that throws when consent is missing, a
/// <see cref="bool"/> that is <see langword="true"/> only when consent is given (used in <c>if</c>, <c>!</c>,
/// <c>== false</c>, <c>is true</c>, early <c>return</c> or <c>throw</c>), and a method that returns a consent
/// receipt (a type marked <see cref="FacialConsentReceiptAttribute"/>; a nullable one counts where it is known not to
/// be null). A method returning a task counts only where the call is awaited, by the awaited result's shape. Calling an
/// override or implementation of a marked member is a check too. A facial-data call needs such a check for its purpose
/// on every control-flow path before it (FC0002, FC0006; docs/semantics.md, "Consent checks").
/// </summary>
/// <remarks>
/// The purpose checked is, in order: the type given here; a purpose type among the method's type arguments;
/// a purpose type among the containing type's type arguments; a purpose type among the returned receipt's type
/// arguments. A check whose purpose cannot be determined counts for every purpose.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FacialConsentCheckAttribute : Attribute
{
    /// <summary>Marks a check whose purpose comes from type arguments, or that counts for every purpose.</summary>
    public FacialConsentCheckAttribute()
    {
    }

    /// <summary>Marks a check for one purpose.</summary>
    /// <param name="purpose">A type marked <see cref="FacialDataPurposeAttribute"/>.</param>
    public FacialConsentCheckAttribute(Type purpose) => Purpose = purpose;

    /// <summary>The purpose checked, when given explicitly.</summary>
    public Type? Purpose { get; }

    /// <summary>
    /// The separate consents this check also verifies, beyond processing for the purpose: a use of an API that sends
    /// facial data off the device needs, on every path before it, a check whose scopes include
    /// <see cref="FacialConsentScopes.Transfer"/> (FC0018; Measures Art. 8 §1; PIPL Arts. 29, 39). Declare only what the
    /// check really verifies: the analyzers take the declaration at its word.
    /// </summary>
    public FacialConsentScopes Scopes { get; set; }

    /// <summary>
    /// The check knows the person's age band and, under 14, accepts only a parent's or guardian's consent, and refuses
    /// a person whose age is not known (Measures Art. 7; PIPL Arts. 28, 31), as the runtime's receipts do. A use under a
    /// purpose that may involve minors needs such a check on every path before it (FC0017).
    /// </summary>
    public bool GuardianAware { get; set; }
}
