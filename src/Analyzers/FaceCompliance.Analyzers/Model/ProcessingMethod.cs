using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>Mirror of the runtime's <c>FacialProcessingMethod</c>; the analyzers never reference the runtime assembly.</summary>
internal enum ProcessingMethod
{
    Unspecified = 0,
    Detection = 1,
    Liveness = 2,
    AttributeAnalysis = 3,
    Verification = 4,
    Identification = 5,
}

internal static class ProcessingMethods
{
    public static ProcessingMethod FromAttributeArgument(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value
            && value >= 0 && value <= (int)ProcessingMethod.Identification)
        {
            return (ProcessingMethod)value;
        }

        return ProcessingMethod.Unspecified;
    }

    public static bool TryParse(string text, out ProcessingMethod method)
    {
        switch (text)
        {
            case nameof(ProcessingMethod.Detection): method = ProcessingMethod.Detection; return true;
            case nameof(ProcessingMethod.Liveness): method = ProcessingMethod.Liveness; return true;
            case nameof(ProcessingMethod.AttributeAnalysis): method = ProcessingMethod.AttributeAnalysis; return true;
            case nameof(ProcessingMethod.Verification): method = ProcessingMethod.Verification; return true;
            case nameof(ProcessingMethod.Identification): method = ProcessingMethod.Identification; return true;
            default: method = ProcessingMethod.Unspecified; return false;
        }
    }

    /// <summary>1:1 and 1:N uses establish identity, so Art. 10 requires a non-biometric alternative beside them.</summary>
    public static bool IsIdentity(ProcessingMethod method) => method is ProcessingMethod.Verification or ProcessingMethod.Identification;

    /// <summary>Whether a purpose declared for <paramref name="purpose"/> allows a use performing <paramref name="use"/> (docs/semantics.md).</summary>
    public static bool Allows(ProcessingMethod purpose, ProcessingMethod use)
    {
        if (use == ProcessingMethod.Unspecified || purpose == ProcessingMethod.Unspecified || use == purpose || use == ProcessingMethod.Detection)
        {
            return true;
        }

        return purpose switch
        {
            ProcessingMethod.Verification => use == ProcessingMethod.Liveness,
            ProcessingMethod.Identification => use is ProcessingMethod.Liveness or ProcessingMethod.Verification,
            _ => false,
        };
    }
}
