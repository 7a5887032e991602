using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.CodeFixes;

/// <summary>A code action for one member: its title (also its equivalence key) and the edit.</summary>
internal readonly struct MemberFix
{
    public MemberFix(string title, Func<CancellationToken, Task<Document>> apply)
    {
        Title = title;
        Apply = apply;
    }

    public string Title { get; }

    public Func<CancellationToken, Task<Document>> Apply { get; }
}

/// <summary>
/// The shape of every FaceCompliance fix: find the member that holds the use (<see cref="UseSiteSyntax.FindMember"/>),
/// check the preconditions, edit that member. Fix All applies the fixes member by member, so each member is edited
/// once and a missing <c>using FaceCompliance;</c> is added once per file (the batch fixer would merge at most
/// two identical using insertions and silently drop the rest).
/// </summary>
public abstract class MemberCodeFixProvider : CodeFixProvider
{
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || FindUseSite(root, context.Span) is not { } member)
        {
            return;
        }

        foreach (var fix in await GetFixesAsync(context.Document, member, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false))
        {
            context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.Apply, equivalenceKey: fix.Title), context.Diagnostics);
        }
    }

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var firstDiagnostic = new Dictionary<MemberDeclarationSyntax, Diagnostic>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (FindUseSite(root, diagnostic.Location.SourceSpan) is { } found && !firstDiagnostic.ContainsKey(found))
            {
                firstDiagnostic.Add(found, diagnostic);
            }
        }

        var members = firstDiagnostic.Keys.ToList();
        var annotations = members.ToDictionary(m => m, _ => new SyntaxAnnotation());
        document = document.WithSyntaxRoot(root.ReplaceNodes(members, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));
        foreach (var member in members)
        {
            var current = (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!
                .GetAnnotatedNodes(annotations[member]).OfType<MemberDeclarationSyntax>().Single();
            var fixes = await GetFixesAsync(document, current, firstDiagnostic[member], context.CancellationToken).ConfigureAwait(false);
            foreach (var fix in fixes.Where(f => f.Title == context.CodeActionEquivalenceKey))
            {
                document = await fix.Apply(context.CancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    });

    /// <summary>The declaration the fix edits for a use at <paramref name="span"/>, or null when it offers nothing there.</summary>
    internal virtual MemberDeclarationSyntax? FindUseSite(SyntaxNode root, TextSpan span) => UseSiteSyntax.FindMember(root, span);

    /// <summary>The fixes offered for <paramref name="diagnostic"/>, a use inside <paramref name="member"/>; empty when a precondition fails.</summary>
    internal abstract Task<ImmutableArray<MemberFix>> GetFixesAsync(Document document, MemberDeclarationSyntax member, Diagnostic diagnostic,
        CancellationToken cancellationToken);
}
