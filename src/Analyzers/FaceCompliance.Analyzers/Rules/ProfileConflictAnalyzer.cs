using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0102: the jurisdictions a purpose serves have requirements with no strictest answer for its design (the merge of
/// <see cref="ProfileMerge"/>), and no <c>[ProfileConflictResolution(rule, justification)]</c> on the purpose or the
/// assembly resolves it. Today the design read is the purpose's storage: on the server while a profile keeps face data
/// on the device by default (CN Measures Art. 8).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProfileConflictAnalyzer : DiagnosticAnalyzer
{
    private const string ResolutionAttributeName = "FaceCompliance.ProfileConflictResolutionAttribute";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ProfileConflictUnresolved,
        "Profile conflict not resolved",
        "Purpose '{0}' serves jurisdictions whose requirements conflict: {1}: {2} ({3}); resolve it with [ProfileConflictResolution(\"{1}\", justification)]",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "When the requirements of the declared jurisdictions have no strictest answer for a purpose (a duty to keep against a duty to destroy; device-local storage against cloud matching), the build fails until a declaration resolves the conflict. Its justification is copied into the generated assessments.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ProfileConflictUnresolved));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var declared = JurisdictionDeclaredAnalyzer.DeclaredJurisdictions(start.Compilation.Assembly, model.Symbols.OperatesIn);
            if (declared.Count == 0)
            {
                return;
            }

            var resolutionType = start.Compilation.GetTypeByMetadataName(ResolutionAttributeName);
            var assemblyResolutions = Resolutions(start.Compilation.Assembly, resolutionType);
            start.RegisterPurposeTypeAction(model, (symbolContext, type, purpose) =>
            {
                var narrowed = JurisdictionDeclaredAnalyzer.PurposeJurisdictions(purpose).Where(declared.Contains).ToList();
                var profiles = (narrowed.Count > 0 ? narrowed : declared.ToList())
                    .Where(j => j >= 0 && j < LawValues.JurisdictionIds.Length)
                    .Select(j => JurisdictionRequirementTable.Find(LawValues.JurisdictionIds[j]))
                    .Where(profile => profile is not null)
                    .Select(profile => profile!)
                    .ToList();
                if (profiles.Count == 0)
                {
                    return;
                }

                var storage = purpose.NamedArguments.LastOrDefault(a => a.Key == "Storage").Value.Value;
                var design = new PurposeDesign(matchesInCloud: storage is int value && value == DeclarationValues.StorageServer);
                var merged = ProfileMerge.Merge(profiles, design, assemblyResolutions.Concat(Resolutions(type, resolutionType)));
                foreach (var conflict in merged.UnresolvedConflicts)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken),
                        type.Name, conflict.Id, conflict.Description, string.Join("; ", conflict.Sources)));
                }
            });
        });
    }

    private static List<ConflictResolution> Resolutions(ISymbol symbol, INamedTypeSymbol? resolutionType)
    {
        var resolutions = new List<ConflictResolution>();
        if (resolutionType is null)
        {
            return resolutions;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, resolutionType)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string rule
                && attribute.ConstructorArguments[1].Value is string justification
                && !string.IsNullOrWhiteSpace(justification))
            {
                resolutions.Add(new ConflictResolution(rule, justification));
            }
        }

        return resolutions;
    }
}
