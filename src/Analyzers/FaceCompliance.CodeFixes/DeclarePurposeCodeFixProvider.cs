using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// FC0001: offers "Declare purpose 'X'" for each purpose type the use site can see (at most five, by name), adding
/// <c>[UsesFacialData&lt;X&gt;]</c> to the member that holds the use.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarePurposeCodeFixProvider))]
[Shared]
public sealed class DeclarePurposeCodeFixProvider : CodeFixProvider
{
    internal const int MaxPurposes = 5;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.PurposeRequired);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || UseSiteSyntax.FindMember(root, context.Span) is not { } member)
        {
            return;
        }

        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null
            || semanticModel.GetDeclaredSymbol(member, context.CancellationToken) is not { ContainingType: { } containingType })
        {
            return;
        }

        var compilation = semanticModel.Compilation;
        var usesFacialData = compilation.GetTypeByMetadataName("FaceCompliance.UsesFacialDataAttribute`1");
        var purposeAttribute = compilation.GetTypeByMetadataName("FaceCompliance.FacialDataPurposeAttribute");
        if (usesFacialData is null || purposeAttribute is null || !compilation.IsSymbolAccessibleWithin(usesFacialData, containingType))
        {
            return;
        }

        var purposes = FindPurposes(compilation, purposeAttribute, containingType, context.CancellationToken);
        var duplicateNames = new HashSet<string>(purposes.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        foreach (var purpose in purposes)
        {
            var shown = duplicateNames.Contains(purpose.Name) ? purpose.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) : purpose.Name;
            var title = string.Format(CultureInfo.InvariantCulture, CodeFixTitles.DeclarePurposeFormat, shown);
            var attributeType = usesFacialData.Construct(purpose);
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => UseSiteSyntax.AddAttributeAsync(document, member, attributeType, null, null, cancellationToken), equivalenceKey: title),
                context.Diagnostics);
        }
    }

    /// <summary>
    /// The purpose types a member of <paramref name="within"/> can name: classes and structs marked
    /// <c>[FacialDataPurpose]</c>, declared in this compilation or in a referenced assembly that references the
    /// FaceCompliance declarations; non-generic, not static, accessible; ordered by name; at most five.
    /// </summary>
    internal static ImmutableArray<INamedTypeSymbol> FindPurposes(Compilation compilation, INamedTypeSymbol purposeAttribute, INamedTypeSymbol within,
        CancellationToken cancellationToken)
    {
        var found = new List<INamedTypeSymbol>();
        var declarationsAssembly = purposeAttribute.ContainingAssembly;
        var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(reference, declarationsAssembly)
                || reference.Modules.Any(m => m.ReferencedAssemblySymbols.Contains(declarationsAssembly, SymbolEqualityComparer.Default)))
            {
                assemblies.Add(reference);
            }
        }

        foreach (var assembly in assemblies)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var child in pending.Pop().GetMembers())
                {
                    if (child is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (child is INamedTypeSymbol type)
                    {
                        pending.Push(type);
                        if (IsUsablePurpose(compilation, type, purposeAttribute, within))
                        {
                            found.Add(type);
                        }
                    }
                }
            }
        }

        return found
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.ToDisplayString(), StringComparer.Ordinal)
            .Take(MaxPurposes)
            .ToImmutableArray();
    }

    private static bool IsUsablePurpose(Compilation compilation, INamedTypeSymbol type, INamedTypeSymbol purposeAttribute, INamedTypeSymbol within)
        => type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type.Arity == 0
            && !type.IsStatic
            && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, purposeAttribute))
            && compilation.IsSymbolAccessibleWithin(type, within);
}
