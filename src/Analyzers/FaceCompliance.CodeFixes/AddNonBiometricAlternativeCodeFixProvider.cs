using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// FC0003: adds <c>[NonBiometricAlternative(nameof(XWithoutFace))]</c> to the method or property that holds the use,
/// and right after it a skeleton <c>XWithoutFace</c> with the same accessibility, static-ness, return type and
/// parameters, which throws until someone writes the card, PIN or staff path. The skeleton uses no face API, so it
/// satisfies FC0004. Not offered on constructors, operators, indexers and explicit interface implementations, whose
/// names cannot be mirrored.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNonBiometricAlternativeCodeFixProvider))]
[Shared]
public sealed class AddNonBiometricAlternativeCodeFixProvider : MemberCodeFixProvider
{
    internal const string Suffix = "WithoutFace";

    internal const string SkeletonMessage =
        "Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AlternativeRequired);

    internal override async Task<ImmutableArray<MemberFix>> GetFixesAsync(Document document, MemberDeclarationSyntax member, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (member.Parent is not TypeDeclarationSyntax || !CanMirror(member))
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel is null || semanticModel.GetDeclaredSymbol(member, cancellationToken) is not { ContainingType: { } containingType } symbol)
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var compilation = semanticModel.Compilation;
        var symbols = FacialSymbols.Create(compilation);
        if (symbols.NonBiometricAlternative is not { } alternative
            || !compilation.IsSymbolAccessibleWithin(alternative, containingType)
            || symbols.Has(symbol, alternative))
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var name = ChooseName(containingType, symbol.Name + Suffix);
        return ImmutableArray.Create(new MemberFix(
            CodeFixTitles.AddNonBiometricAlternative,
            token => AddAlternativeAsync(document, member, alternative, name, token)));
    }

    /// <summary>Ordinary methods and non-indexer properties, declared under their own name.</summary>
    private static bool CanMirror(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.ExplicitInterfaceSpecifier is null,
        PropertyDeclarationSyntax property => property.ExplicitInterfaceSpecifier is null,
        _ => false,
    };

    /// <summary><paramref name="name"/>, or with a number appended when the type, a base type or the type itself already uses it.</summary>
    internal static string ChooseName(INamedTypeSymbol type, string name)
    {
        var candidate = name;
        for (var i = 1; IsTaken(type, candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool IsTaken(INamedTypeSymbol type, string name)
    {
        if (type.Name == name || type.TypeParameters.Any(p => p.Name == name))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<Document> AddAlternativeAsync(Document document, MemberDeclarationSyntax member, INamedTypeSymbol alternative, string name,
        CancellationToken cancellationToken)
    {
        var newLine = UseSiteSyntax.GetNewLine(member.SyntaxTree.GetRoot(cancellationToken));
        var arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression("nameof(" + name + ")"))));
        var skeleton = CreateSkeleton(member, name)
            .WithLeadingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine)).AddRange(UseSiteSyntax.GetIndentation(member)))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return UseSiteSyntax.AddAttributeAsync(document, member, alternative, arguments, skeleton, cancellationToken);
    }

    /// <summary>
    /// <c>[accessibility] [static] ReturnType NameWithoutFace&lt;T&gt;(parameters) where ... { throw new NotSupportedException(...); }</c>;
    /// a property's skeleton is a method without parameters.
    /// </summary>
    private static MethodDeclarationSyntax CreateSkeleton(MemberDeclarationSyntax member, string name)
    {
        var modifiers = SyntaxFactory.TokenList(member.Modifiers
            .Where(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword
                or SyntaxKind.StaticKeyword or SyntaxKind.UnsafeKeyword)
            .Select(m => SyntaxFactory.Token(m.Kind())));

        var body = SyntaxFactory.Block(SyntaxFactory.ThrowStatement(SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::System.NotSupportedException"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SkeletonMessage))))),
            initializer: null)));

        return member switch
        {
            MethodDeclarationSyntax method => SyntaxFactory.MethodDeclaration(method.ReturnType.WithoutTrivia(), SyntaxFactory.Identifier(name))
                .WithModifiers(modifiers)
                .WithTypeParameterList(method.TypeParameterList?.WithoutTrivia())
                .WithParameterList(method.ConstraintClauses.Count == 0 ? method.ParameterList.WithoutTrivia() : method.ParameterList.WithoutLeadingTrivia())
                .WithConstraintClauses(method.ConstraintClauses.Count == 0
                    ? method.ConstraintClauses
                    : method.ConstraintClauses.Replace(method.ConstraintClauses.Last(), method.ConstraintClauses.Last().WithoutTrailingTrivia()))
                .WithBody(body),
            PropertyDeclarationSyntax property => SyntaxFactory.MethodDeclaration(property.Type.WithoutTrivia(), SyntaxFactory.Identifier(name))
                .WithModifiers(modifiers)
                .WithBody(body),
            _ => throw new System.ArgumentException("Only methods and properties are mirrored.", nameof(member)),
        };
    }
}
