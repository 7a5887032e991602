using System;

namespace FaceCompliance;

/// <summary>
/// Moves the consent obligation of Measures Art. 6 (PIPL Art. 29) from this member to its callers, as
/// <c>[RequiresUnreferencedCode]</c> does for trimming: inside it, facial-data calls need no consent check
/// (FC0002), and every caller must check consent for this member's purpose before calling it.
/// An override or implementation must carry it exactly when the member it overrides or implements does (FC0009).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RequiresFacialConsentAttribute : Attribute
{
}
