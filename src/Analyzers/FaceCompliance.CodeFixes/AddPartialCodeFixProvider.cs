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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// FC0011: adds <c>partial</c> to the purpose type's declaration and to every declaration around it that lacks it,
/// so the generator can complete the type. Not offered when a type in that chain is generic: <c>partial</c> alone
/// would not help. Fix All edits each declaration once, however many purposes it contains.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider))]
[Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.PurposeNotExtensible);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || FindChain(root, context.Span) is not { Length: > 0 } chain)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(CodeFixTitles.AddPartial, token => AddPartialAsync(context.Document, root, chain, token), equivalenceKey: CodeFixTitles.AddPartial),
            context.Diagnostics);
    }

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var declarations = new HashSet<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            declarations.UnionWith(FindChain(root, diagnostic.Location.SourceSpan));
        }

        return await AddPartialAsync(document, root, declarations.ToImmutableArray(), context.CancellationToken).ConfigureAwait(false);
    });

    /// <summary>
    /// The declarations that lack <c>partial</c> from the purpose type declared at <paramref name="span"/> outwards;
    /// empty when none does, or when a declaration of the chain is generic.
    /// </summary>
    private static ImmutableArray<TypeDeclarationSyntax> FindChain(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span)
            || root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } purpose
            || purpose.Identifier.Span != span)
        {
            return ImmutableArray<TypeDeclarationSyntax>.Empty;
        }

        var chain = purpose.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToImmutableArray();
        return chain.Any(t => t.TypeParameterList is not null)
            ? ImmutableArray<TypeDeclarationSyntax>.Empty
            : chain.Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToImmutableArray();
    }

    private static Task<Document> AddPartialAsync(Document document, SyntaxNode root, ImmutableArray<TypeDeclarationSyntax> declarations,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var generator = SyntaxGenerator.GetGenerator(document);
        var fixedRoot = root.ReplaceNodes(declarations, (original, rewritten) =>
            generator.WithModifiers(rewritten, generator.GetModifiers(rewritten).WithPartial(true)));
        return Task.FromResult(document.WithSyntaxRoot(fixedRoot));
    }
}
