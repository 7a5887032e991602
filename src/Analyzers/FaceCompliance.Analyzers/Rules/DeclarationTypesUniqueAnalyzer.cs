using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC1003: a FaceCompliance declaration type (an attribute of the <c>FaceCompliance</c> namespace) is defined in more
/// than one assembly of the compilation, its source included. The rules resolve these types by metadata name, which
/// finds nothing when two references define one, so every rule would go silent: this rule fails the build instead.
/// Reported once per type, without a location: the cause is the set of references, not a line.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationTypesUniqueAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.AmbiguousDeclarationType,
        "FaceCompliance attribute type defined more than once",
        "'{0}' is defined in {1} assemblies ({2}), so the FaceCompliance rules cannot tell which one the code uses and would check nothing: "
            + "keep one definition, the FaceCompliance package, and remove the others (a copied source file, or a reference that defines its own copy)",
        RuleCategories.Configuration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The FaceCompliance rules find their attribute types by name. When two assemblies, or the project's source and a reference, define the same one, the rules cannot resolve it and would report nothing; this error makes that visible.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AmbiguousDeclarationType),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(static context =>
        {
            foreach (var name in FacialSymbols.DeclarationTypeNames)
            {
                var definitions = context.Compilation.GetTypesByMetadataName(name);
                if (definitions.Length < 2)
                {
                    continue;
                }

                var assemblies = definitions
                    .Select(type => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, context.Compilation.Assembly)
                        ? $"'{type.ContainingAssembly.Name}' (this project's source)"
                        : $"'{type.ContainingAssembly.Identity.Name}, Version={type.ContainingAssembly.Identity.Version}'")
                    .OrderBy(text => text, System.StringComparer.Ordinal);
                context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None,
                    definitions[0].ToDisplayString(), definitions.Length, string.Join(", ", assemblies)));
            }
        });
    }
}
