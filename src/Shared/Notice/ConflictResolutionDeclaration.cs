using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Notice;

/// <summary>
/// What one <c>[ProfileConflictResolution]</c> declares, as plain values: the conflict it resolves (e.g.
/// <c>RetentionFloorAboveCeiling</c>) and the justification the assessments repeat (PIPL Art. 55; GDPR Art. 35).
/// </summary>
internal sealed record ConflictResolutionDeclaration(string Rule, string Justification)
{
    public const string AttributeName = "FaceCompliance.ProfileConflictResolutionAttribute";

    /// <summary>The resolutions among <paramref name="attributes"/>, in source order; texts trimmed.</summary>
    public static EquatableArray<ConflictResolutionDeclaration> Read(IEnumerable<AttributeData> attributes)
    {
        var resolutions = ImmutableArray.CreateBuilder<ConflictResolutionDeclaration>();
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() == AttributeName && attribute.ConstructorArguments.Length == 2)
            {
                resolutions.Add(new ConflictResolutionDeclaration(
                    (attribute.ConstructorArguments[0].Value as string ?? "").Trim(),
                    (attribute.ConstructorArguments[1].Value as string ?? "").Trim()));
            }
        }

        return new EquatableArray<ConflictResolutionDeclaration>(resolutions.ToImmutable());
    }
}
