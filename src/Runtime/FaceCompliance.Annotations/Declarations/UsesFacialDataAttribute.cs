using System;

namespace FaceCompliance;

/// <summary>
/// Declares the purpose for which a method, or every member of a type, processes facial information
/// (Measures Art. 4: a specific purpose; Art. 5: the purpose people were told). The nearest declaration wins:
/// a lambda's or local function's own declaration (a minimal-API handler's purpose) replaces its member's, and a
/// member's replaces its type's. It is not inherited: a derived type, an override or an implementation declares
/// its own. Processing without one fails the build (FC0001).
/// </summary>
/// <typeparam name="TPurpose">A type marked <see cref="FacialDataPurposeAttribute"/>.</typeparam>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method
    | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class UsesFacialDataAttribute<TPurpose> : Attribute
{
}
