using System;

namespace FaceCompliance;

/// <summary>
/// Names the member that reaches the same result without facial information (a card, a PIN, a check by staff):
/// Measures Art. 10 forbids face recognition as the only way to verify identity where another way reaches the
/// same purpose, and requires a reasonable and convenient alternative for people who refuse. Required where
/// 1:1 or 1:N identity processing happens (FC0003). The named member must exist in the same type or a base
/// type, must not process facial data itself, must not be a member of <see cref="object"/>, and must be at least as
/// accessible as the face path (FC0004). Like the purpose, it is not inherited, and a lambda may declare its own.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method
    | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NonBiometricAlternativeAttribute : Attribute
{
    /// <summary>Names the alternative.</summary>
    /// <param name="memberName">The alternative member's name; write it with <c>nameof</c>.</param>
    public NonBiometricAlternativeAttribute(string memberName) => MemberName = memberName;

    /// <summary>The alternative member's name.</summary>
    public string MemberName { get; }
}
