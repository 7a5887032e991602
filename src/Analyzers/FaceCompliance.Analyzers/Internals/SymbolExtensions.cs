using System.Threading;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Internals;

internal static class SymbolExtensions
{
    /// <summary>The least accessibility along the symbol and its containing types.</summary>
    public static Accessibility GetEffectiveAccessibility(this ISymbol symbol)
    {
        var result = symbol.DeclaredAccessibility;
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility < result)
            {
                result = type.DeclaredAccessibility;
            }
        }

        return result;
    }

    public static Location GetLocation(this AttributeData attribute, ISymbol fallback, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
            ?? (fallback.Locations.IsEmpty ? Location.None : fallback.Locations[0]);

    public static string Describe(this Accessibility accessibility) => accessibility switch
    {
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
