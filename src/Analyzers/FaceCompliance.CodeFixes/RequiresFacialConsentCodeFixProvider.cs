using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// FC0002: offers to move the consent obligation to the callers by adding <c>[RequiresFacialConsent]</c> to the
/// member that holds the use. Not offered where the attribute cannot be placed, on members nobody calls (static
/// constructors, finalizers), or where it would break FC0009 (an override or implementation of a member without it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiresFacialConsentCodeFixProvider))]
[Shared]
public sealed class RequiresFacialConsentCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ConsentCheckRequired);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || UseSiteSyntax.FindMember(root, context.Span) is not { } member || member is DestructorDeclarationSyntax)
        {
            return;
        }

        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null
            || semanticModel.GetDeclaredSymbol(member, context.CancellationToken) is not { ContainingType: { } containingType } symbol
            || symbol is IMethodSymbol { MethodKind: MethodKind.StaticConstructor })
        {
            return;
        }

        var compilation = semanticModel.Compilation;
        var requiresConsent = compilation.GetTypeByMetadataName("FaceCompliance.RequiresFacialConsentAttribute");
        var processes = compilation.GetTypeByMetadataName("FaceCompliance.ProcessesFacialDataAttribute");
        if (requiresConsent is null
            || !compilation.IsSymbolAccessibleWithin(requiresConsent, containingType)
            || HasAttribute(symbol, requiresConsent)
            || HasAttribute(symbol, processes)
            || GetBases(symbol).Any(b => !HasAttribute(b, requiresConsent)))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                CodeFixTitles.RequiresFacialConsent,
                cancellationToken => UseSiteSyntax.AddAttributeAsync(document, member, requiresConsent, null, null, cancellationToken),
                equivalenceKey: CodeFixTitles.RequiresFacialConsent),
            context.Diagnostics);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        => attributeType is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    /// <summary>The members this one overrides or implements (the relations FC0009 compares).</summary>
    private static IEnumerable<ISymbol> GetBases(ISymbol member)
    {
        if (member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) })
        {
            yield break;
        }

        var overridden = member switch
        {
            IMethodSymbol method => (ISymbol?)method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            _ => null,
        };
        if (overridden is not null)
        {
            yield return overridden;
        }

        var explicitImplementations = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var implemented in explicitImplementations)
        {
            yield return implemented;
        }

        if (!explicitImplementations.IsEmpty || member.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in member.ContainingType.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return candidate;
                }
            }
        }
    }
}
