using System;

namespace FaceCompliance;

/// <summary>
/// Marks a type whose instances prove that separate consent was given (Measures Art. 6; PIPL Art. 29), such as
/// <c>ConsentReceipt&lt;TPurpose&gt;</c>. Passing a receipt to a facial-data call satisfies the consent rule for
/// the purpose among the receipt's type arguments (FC0002, FC0006); the runtime verifies the receipt again.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FacialConsentReceiptAttribute : Attribute
{
}
