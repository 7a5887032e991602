using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaceCompliance.Analyzers.Internals;

internal static class SymbolExtensions
{
    private static readonly SymbolDisplayFormat s_nameOnly = new(
        memberOptions: SymbolDisplayMemberOptions.None,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>
    /// The least accessibility along the symbol and its containing types; a lambda or local function has its
    /// member's. Extension blocks are skipped: their members are reached through the class that declares them.
    /// </summary>
    public static Accessibility GetEffectiveAccessibility(this ISymbol symbol)
    {
        while (symbol.IsLambdaOrLocalFunction() && symbol.ContainingSymbol is { } outer)
        {
            symbol = outer is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : outer;
        }

        var result = symbol.DeclaredAccessibility;
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!type.IsExtension && type.DeclaredAccessibility < result)
            {
                result = type.DeclaredAccessibility;
            }
        }

        return result;
    }

    /// <summary>The entry point the compiler generates for a program's top-level statements ('&lt;Main&gt;$' of 'Program').</summary>
    public static bool IsTopLevelStatements(this ISymbol symbol)
        => symbol is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName, ContainingType: not null };

    public static bool IsLambdaOrLocalFunction(this ISymbol symbol)
        => symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction };

    /// <summary>
    /// How messages name a use site or face path, as the user wrote it, never by a compiler-generated name
    /// ('&lt;Main&gt;$', '.ctor', 'op_Addition', an extension block): "'Enter'", "the top-level statements",
    /// "a lambda in 'Configure'", "the constructor of 'Gate'", "the initializer of 'threshold'".
    /// </summary>
    public static string Describe(this ISymbol member)
    {
        if (member.IsTopLevelStatements())
        {
            return "the top-level statements";
        }

        var type = member as INamedTypeSymbol ?? member.ContainingType;
        var typeName = type is null ? member.Name : type.GetWrittenName();
        return member switch
        {
            INamedTypeSymbol => $"'{typeName}'",
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda => "a lambda in " + Describe(GetMember(lambda.ContainingSymbol)),
            IMethodSymbol { MethodKind: MethodKind.LocalFunction } => $"local function '{member.Name}'",
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor when constructor.IsPrimaryConstructor() => $"the primary constructor of '{typeName}'",
            IMethodSymbol { MethodKind: MethodKind.Constructor } => $"the constructor of '{typeName}'",
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => $"the static constructor of '{typeName}'",
            IMethodSymbol { MethodKind: MethodKind.Destructor } => $"the finalizer of '{typeName}'",
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => $"'{typeName}.{member.GetWrittenName()}'",
            IPropertySymbol { IsIndexer: true } => $"the indexer of '{typeName}'",
            IFieldSymbol or IEventSymbol => $"the initializer of '{member.Name}'",
            _ => $"'{member.Name}'",
        };
    }

    /// <summary>
    /// A symbol's name as its user writes it: <c>operator +</c> and <c>implicit operator int</c> rather than
    /// <c>op_Addition</c> and <c>op_Implicit</c>; an extension block by the class that declares it.
    /// </summary>
    public static string GetWrittenName(this ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol { IsExtension: true, ContainingType: { } declaring } => declaring.Name,
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => symbol.ToDisplayString(s_nameOnly),
        _ => symbol.Name,
    };

    /// <summary>The member a symbol's body belongs to: an accessor's property or event, else the symbol.</summary>
    public static ISymbol GetMember(ISymbol symbol) => symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;

    /// <summary>A constructor declared by a parameter list on its type (<c>class Gate(IFaceEngine engine)</c>, positional records).</summary>
    public static bool IsPrimaryConstructor(this IMethodSymbol constructor)
        => constructor.MethodKind == MethodKind.Constructor
            && constructor.DeclaringSyntaxReferences.Length == 1
            && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

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

    /// <summary>
    /// The members this one overrides or implements, explicitly or implicitly, with "overrides" or "implements". With
    /// <paramref name="searchInterface"/>, implicit implementations are looked for only in the interfaces it accepts.
    /// </summary>
    public static IEnumerable<(ISymbol Member, string Relation)> GetOverriddenOrImplementedMembers(this ISymbol member, Func<INamedTypeSymbol, bool>? searchInterface = null)
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
            if (searchInterface is not null && !searchInterface(@interface))
            {
                continue;
            }

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
