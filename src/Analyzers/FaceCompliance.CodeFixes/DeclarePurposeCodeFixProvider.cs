using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// FC0001: offers "Declare purpose 'X'" for each purpose type the use site can see and whose method allows the use
/// (at most five, by name), adding
/// <c>[UsesFacialData&lt;X&gt;]</c> to the member that holds the use; in top-level statements, to a
/// <c>partial class Program</c> (the type of the compiler's entry point, which the use site's lookup reaches).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarePurposeCodeFixProvider))]
[Shared]
public sealed class DeclarePurposeCodeFixProvider : MemberCodeFixProvider
{
    internal const int MaxPurposes = 5;

    /// <summary>Top-level statements too: the purpose goes on a <c>partial class Program</c>.</summary>
    internal override MemberDeclarationSyntax? FindUseSite(SyntaxNode root, TextSpan span)
        => UseSiteSyntax.FindMember(root, span) ?? UseSiteSyntax.FindTopLevelStatements(root, span);

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.PurposeRequired);

    internal override async Task<ImmutableArray<MemberFix>> GetFixesAsync(Document document, MemberDeclarationSyntax member, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var site = member is GlobalStatementSyntax
            ? semanticModel?.GetEnclosingSymbol(member.SpanStart, cancellationToken)
            : semanticModel?.GetDeclaredSymbol(member, cancellationToken);
        if (semanticModel is null || site is not { ContainingType: { } containingType })
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var compilation = semanticModel.Compilation;
        var symbols = FacialSymbols.Create(compilation);
        if (symbols.UsesFacialData is not { } usesFacialData || symbols.FacialDataPurpose is not { } purposeAttribute
            || !compilation.IsSymbolAccessibleWithin(usesFacialData, containingType))
        {
            return ImmutableArray<MemberFix>.Empty;
        }

        var useMethod = diagnostic.Properties.TryGetValue(PurposeRequiredAnalyzer.MethodProperty, out var method) && ProcessingMethods.TryParse(method ?? "", out var parsed)
            ? parsed
            : ProcessingMethod.Unspecified;
        var purposes = FindPurposes(compilation, purposeAttribute, containingType, useMethod, cancellationToken);
        var duplicateNames = new HashSet<string>(purposes.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        var fixes = ImmutableArray.CreateBuilder<MemberFix>();
        foreach (var purpose in purposes)
        {
            var shown = duplicateNames.Contains(purpose.Name) ? purpose.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) : purpose.Name;
            var attributeType = usesFacialData.Construct(purpose);
            fixes.Add(new MemberFix(
                string.Format(CultureInfo.InvariantCulture, CodeFixTitles.DeclarePurposeFormat, shown),
                member is GlobalStatementSyntax
                    ? token => UseSiteSyntax.AddAttributeToProgramAsync(document, containingType, attributeType, token)
                    : token => UseSiteSyntax.AddAttributeAsync(document, member, attributeType, null, null, token)));
        }

        return fixes.ToImmutable();
    }

    /// <summary>
    /// The purpose types a member of <paramref name="within"/> can name: classes and structs marked
    /// <c>[FacialDataPurpose]</c>, declared in this compilation or in a referenced assembly that references the
    /// FaceCompliance declarations; non-generic, not static, accessible; ordered by name; at most five.
    /// </summary>
    internal static ImmutableArray<INamedTypeSymbol> FindPurposes(Compilation compilation, INamedTypeSymbol purposeAttribute, INamedTypeSymbol within,
        ProcessingMethod useMethod, CancellationToken cancellationToken)
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
                        if (IsUsablePurpose(compilation, type, purposeAttribute, within, useMethod))
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

    /// <summary>A purpose the member can name and whose method allows the use (so the fix never leads to FC0005).</summary>
    private static bool IsUsablePurpose(Compilation compilation, INamedTypeSymbol type, INamedTypeSymbol purposeAttribute, INamedTypeSymbol within,
        ProcessingMethod useMethod)
        => type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type.Arity == 0
            && !type.IsStatic
            && type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, purposeAttribute)) is { } declaration
            && ProcessingMethods.Allows(ProcessingMethods.FromAttributeArgument(declaration), useMethod)
            && compilation.IsSymbolAccessibleWithin(type, within);
}
