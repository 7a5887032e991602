using System;

namespace FaceCompliance;

/// <summary>
/// Declares the purpose for which a method, or every member of a type, processes facial information
/// (Measures Art. 4: a specific purpose; Art. 5: the purpose people were told). The nearest declaration wins:
/// a member's own declaration replaces its type's. Processing without one fails the build (FC0001).
/// </summary>
/// <typeparam name="TPurpose">A type marked <see cref="FacialDataPurposeAttribute"/>.</typeparam>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method
    | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class UsesFacialDataAttribute<TPurpose> : Attribute
{
}
