using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// The syntax side of the use site (docs/semantics.md, "The use site and its declarations"): the member whose
/// body holds a use, where lambdas and local functions belong to the member around them and accessors to their
/// property; and the attribute list (and using directive) the fixes add for it.
/// </summary>
internal static class UseSiteSyntax
{
    /// <summary>
    /// The method, constructor, operator, property or indexer declaration that holds the use at
    /// <paramref name="span"/>, or null when the use sits elsewhere (a field or event initializer, a primary
    /// constructor's base arguments, top-level statements), where a member attribute cannot be placed, or when the
    /// member is generated code hidden by <c>#line hidden</c> (Razor's <c>BuildRenderTree</c>), which no one edits.
    /// </summary>
    public static MemberDeclarationSyntax? FindMember(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        // Local functions are statements, lambdas are expressions and accessors are not members, so the first
        // member declaration around the use is the use site the analyzers see.
        var member = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return member is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax
            && root.SyntaxTree.GetLineVisibility(member.SpanStart) != LineVisibility.Hidden
            ? member
            : null;
    }

    /// <summary>
    /// The first top-level statement of the file when the use at <paramref name="span"/> is in top-level statements
    /// (one key for all of them: they share one use site, the compiler's '&lt;Main&gt;$'), otherwise null.
    /// </summary>
    public static GlobalStatementSyntax? FindTopLevelStatements(SyntaxNode root, TextSpan span)
    {
        if (root is not CompilationUnitSyntax compilationUnit || !root.FullSpan.Contains(span)
            || root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MemberDeclarationSyntax>() is not GlobalStatementSyntax)
        {
            return null;
        }

        return compilationUnit.Members.OfType<GlobalStatementSyntax>().First();
    }

    /// <summary>
    /// Adds <c>[Attribute]</c> to the program type of top-level statements: to a <c>partial class Program</c> of the
    /// file, or to a new one appended after the last member (types must follow the top-level statements).
    /// '&lt;Main&gt;$' cannot carry attributes; its containing type can, and the use site's lookup reaches it.
    /// </summary>
    public static async Task<Document> AddAttributeToProgramAsync(Document document, INamedTypeSymbol programType, INamedTypeSymbol attributeType,
        CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var existing = root.Members.OfType<ClassDeclarationSyntax>()
            .FirstOrDefault(c => c.Identifier.ValueText == programType.Name && c.Arity == 0 && c.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (existing is not null)
        {
            return await AddAttributeAsync(document, existing, attributeType, null, null, cancellationToken).ConfigureAwait(false);
        }

        var newLine = GetNewLine(root);
        var endsWithNewLine = root.GetLastToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia)
            || root.EndOfFileToken.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var leading = endsWithNewLine
            ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine))
            : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine));
        var marker = new SyntaxAnnotation();
        var program = SyntaxFactory.ClassDeclaration(programType.Name)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PartialKeyword)))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation, marker);
        document = document.WithSyntaxRoot(root.AddMembers(program));
        var added = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!.GetAnnotatedNodes(marker).OfType<ClassDeclarationSyntax>().Single();
        return await AddAttributeAsync(document, added, attributeType, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds <paramref name="attribute"/> in a new attribute list on its own line above the member (above its
    /// existing attribute lists, below its documentation comment), with the member's indentation.
    /// </summary>
    public static MemberDeclarationSyntax AddAttributeList(MemberDeclarationSyntax member, AttributeSyntax attribute, string newLine)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(member.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var rest = member.WithLeadingTrivia(GetIndentation(member));
        return rest.WithAttributeLists(rest.AttributeLists.Insert(0, list));
    }

    /// <summary>
    /// Adds <c>[Attribute(arguments)]</c> above <paramref name="member"/> (see <see cref="AddAttributeList"/>), then
    /// <paramref name="following"/> right after it, and <c>using Namespace;</c> when the attribute's namespace is not in
    /// scope there. The name is written fully qualified with <see cref="Simplifier.Annotation"/>, so the code action's
    /// clean-up reduces it to the shortest name that binds (<c>UsesFacialData&lt;CommunityEntry&gt;</c>).
    /// </summary>
    public static async Task<Document> AddAttributeAsync(Document document, MemberDeclarationSyntax member, INamedTypeSymbol attributeType,
        AttributeArgumentListSyntax? arguments, MemberDeclarationSyntax? following, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || semanticModel is null)
        {
            return document;
        }

        var newLine = GetNewLine(root);
        var name = (NameSyntax)SyntaxGenerator.GetGenerator(document).TypeExpression(attributeType);
        var attribute = SyntaxFactory.Attribute(name.WithAdditionalAnnotations(Simplifier.Annotation), arguments);
        var fixedMember = AddAttributeList(member, attribute, newLine);
        var replacement = following is null ? new SyntaxNode[] { fixedMember } : new SyntaxNode[] { fixedMember, following };

        var inScope = semanticModel.LookupNamespacesAndTypes(member.SpanStart, name: attributeType.Name)
            .Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, attributeType.OriginalDefinition));
        if (inScope || attributeType.ContainingNamespace is not { IsGlobalNamespace: false } attributeNamespace)
        {
            return document.WithSyntaxRoot(compilationUnit.ReplaceNode(member, replacement));
        }

        var tracked = compilationUnit.TrackNodes(member);
        tracked = AddUsing(tracked, tracked.GetCurrentNode(member)!, attributeNamespace.ToDisplayString(), newLine);
        return document.WithSyntaxRoot(tracked.ReplaceNode(tracked.GetCurrentNode(member)!, replacement));
    }

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> among the file's using directives (or those of the namespace
    /// around <paramref name="member"/> when only it has some), in order with System first, or on top of the file.
    /// </summary>
    private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, MemberDeclarationSyntax member, string namespaceName, string newLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));
        if (root.Usings.Count == 0 && member.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0) is { } ns)
        {
            return root.ReplaceNode(ns, ns.WithUsings(Insert(ns.Usings, directive, namespaceName)));
        }

        if (root.Usings.Count > 0)
        {
            return root.WithUsings(Insert(root.Usings, directive, namespaceName));
        }

        // No using directive anywhere: the new one goes first, under the file's leading comments, followed by a blank line.
        if (root.Externs.Count > 0)
        {
            return root.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))));
        }

        var first = root.GetFirstToken(includeZeroWidth: true);
        var leading = first.LeadingTrivia;
        root = root.ReplaceToken(first, first.WithLeadingTrivia());
        return root.WithUsings(SyntaxFactory.SingletonList(directive
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))));
    }

    /// <summary>Inserts before the first plain using that sorts after it (System namespaces first), or before static and alias usings.</summary>
    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive, string namespaceName)
    {
        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var existing = usings[i];
            if (!existing.GlobalKeyword.IsKind(SyntaxKind.None))
            {
                continue;
            }

            if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null
                || CompareNamespaces(existing.Name.ToString(), namespaceName) > 0)
            {
                index = i;
                break;
            }
        }

        if (index < usings.Count)
        {
            // Take the place of the directive that follows: its comments stay on top, its indentation is shared.
            var next = usings[index];
            var indentation = TrailingWhitespace(next.GetLeadingTrivia());
            return usings.Replace(next, next.WithLeadingTrivia(indentation)).Insert(index, directive.WithLeadingTrivia(next.GetLeadingTrivia()));
        }

        return usings.Add(directive.WithLeadingTrivia(TrailingWhitespace(usings[usings.Count - 1].GetLeadingTrivia())));
    }

    private static int CompareNamespaces(string left, string right)
    {
        static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

        var system = IsSystem(right).CompareTo(IsSystem(left));
        if (system != 0)
        {
            return system;
        }

        var ignoringCase = StringComparer.OrdinalIgnoreCase.Compare(left, right);
        return ignoringCase != 0 ? ignoringCase : StringComparer.Ordinal.Compare(left, right);
    }

    private static SyntaxTriviaList TrailingWhitespace(SyntaxTriviaList trivia)
        => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(trivia[trivia.Count - 1]) : SyntaxFactory.TriviaList();

    /// <summary>The line break the file already uses.</summary>
    public static string GetNewLine(SyntaxNode root)
    {
        var endOfLine = root.DescendantTrivia(descendIntoTrivia: true).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToFullString() : "\n";
    }

    /// <summary>The indentation of the line the member starts on, as trivia.</summary>
    public static SyntaxTriviaList GetIndentation(MemberDeclarationSyntax member) => TrailingWhitespace(member.GetLeadingTrivia());
}
