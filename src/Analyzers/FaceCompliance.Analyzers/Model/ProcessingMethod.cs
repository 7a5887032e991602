using FaceCompliance.Methods;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>The runtime's <c>FacialProcessingMethod</c> as the analyzers name it; values and table come from <see cref="ProcessingMethodTable"/>.</summary>
internal enum ProcessingMethod
{
    Unspecified = ProcessingMethodTable.Unspecified,
    Detection = ProcessingMethodTable.Detection,
    Liveness = ProcessingMethodTable.Liveness,
    AttributeAnalysis = ProcessingMethodTable.AttributeAnalysis,
    Verification = ProcessingMethodTable.Verification,
    Identification = ProcessingMethodTable.Identification,
}

internal static class ProcessingMethods
{
    public static ProcessingMethod FromAttributeArgument(AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value && ProcessingMethodTable.IsSpecified(value)
            ? (ProcessingMethod)value
            : ProcessingMethod.Unspecified;

    public static bool TryParse(string text, out ProcessingMethod method)
    {
        var parsed = ProcessingMethodTable.TryParse(text, out var value);
        method = (ProcessingMethod)value;
        return parsed;
    }

    /// <summary>1:1 and 1:N uses establish identity, so Art. 10 requires a non-biometric alternative beside them.</summary>
    public static bool IsIdentity(ProcessingMethod method) => ProcessingMethodTable.IsIdentity((int)method);

    /// <summary>
    /// The FC0005 decision: whether a purpose (or wrapper) declared for <paramref name="purpose"/> allows a use
    /// performing <paramref name="use"/>. The table's answer, except that FC0005 does not judge an unspecified method
    /// on either side: FC0008 reports such a purpose, and a use without a method is not checked (docs/semantics.md).
    /// </summary>
    public static bool Allows(ProcessingMethod purpose, ProcessingMethod use)
        => purpose == ProcessingMethod.Unspecified || use == ProcessingMethod.Unspecified
            || ProcessingMethodTable.Allows((int)purpose, (int)use);
}
