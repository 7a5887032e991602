using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Analyzers.Internals;
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
public sealed class RequiresFacialConsentCodeFixProvider : MemberCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ConsentCheckRequired);

    internal override async Task<ImmutableArray<MemberFix>> GetFixesAsync(Document document, MemberDeclarationSyntax member, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (member is DestructorDeclarationSyntax
            || semanticModel is null
            || semanticModel.GetDeclaredSymbol(member, cancellationToken) is not { ContainingType: { } containingType } symbol
            || symbol is IMethodSymbol { MethodKind: MethodKind.StaticConstructor })
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var compilation = semanticModel.Compilation;
        var symbols = FacialSymbols.Create(compilation);
        if (symbols.RequiresFacialConsent is not { } requiresConsent
            || !compilation.IsSymbolAccessibleWithin(requiresConsent, containingType)
            || symbols.Has(symbol, requiresConsent)
            || symbols.Has(symbol, symbols.ProcessesFacialData)
            || symbol.GetOverriddenOrImplementedMembers().Any(b => !symbols.Has(b.Member, requiresConsent)))
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        return ImmutableArray.Create(new MemberFix(
            CodeFixTitles.RequiresFacialConsent,
            token => UseSiteSyntax.AddAttributeAsync(document, member, requiresConsent, null, null, token)));
    }
}
