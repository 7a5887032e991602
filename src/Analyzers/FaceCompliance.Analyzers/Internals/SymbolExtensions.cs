using System.Collections.Generic;
using System.Collections.Immutable;
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

    /// <summary>The entry point the compiler generates for a program's top-level statements ('&lt;Main&gt;$' of 'Program').</summary>
    public static bool IsTopLevelStatements(this ISymbol symbol)
        => symbol is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName, ContainingType: not null };

    /// <summary>
    /// Whether every declaration of the member lies in code hidden by <c>#line hidden</c>: code a generator wrote around
    /// the lines it maps back to a file people edit, such as the <c>BuildRenderTree</c> method that Razor generates from
    /// a component's markup (or <c>ExecuteAsync</c> from a page's). No one can put an attribute on such a member; its
    /// type can take one (<c>@attribute</c> in a Razor file).
    /// </summary>
    public static bool IsDeclaredInHiddenCode(this ISymbol symbol, CancellationToken cancellationToken)
    {
        var declarations = symbol.DeclaringSyntaxReferences;
        foreach (var declaration in declarations)
        {
            if (declaration.SyntaxTree.GetLineVisibility(declaration.Span.Start, cancellationToken) != LineVisibility.Hidden)
            {
                return false;
            }
        }

        return !declarations.IsEmpty;
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

    /// <summary>The members this one overrides or implements, explicitly or implicitly, with "overrides" or "implements".</summary>
    public static IEnumerable<(ISymbol Member, string Relation)> GetOverriddenOrImplementedMembers(this ISymbol member)
    {
        var overridden = member switch
        {
            IMethodSymbol method => (ISymbol?)method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            _ => null,
        };
        if (overridden is not null)
        {
            yield return (overridden, "overrides");
        }

        var explicitImplementations = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var implemented in explicitImplementations)
        {
            yield return (implemented, "implements");
        }

        if (!explicitImplementations.IsEmpty || member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
        {
            yield break;
        }

        foreach (var @interface in member.ContainingType.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return (candidate, "implements");
                }
            }
        }
    }
}
