using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0102: the jurisdictions a purpose serves have requirements with no strictest answer for its design (the merge of
/// <see cref="Profiles.ProfileMerge"/> at the law date), and no <c>[ProfileConflictResolution(rule, justification)]</c>
/// on the purpose or the assembly resolves it. The design read: the purpose's storage (on the server while a profile
/// keeps face data on the device by default, CN Measures Art. 8) and a declared <c>[FacialDataRetentionDuty]</c> (a duty
/// to keep templates that outlasts a deletion deadline).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProfileConflictAnalyzer : DiagnosticAnalyzer
{
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
            var profiles = ProfileContext.Create(start.Compilation, start.Options, model.Symbols);
            if (profiles.Declared.Count == 0)
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, (symbolContext, type, purpose) =>
            {
                if (profiles.MergedFor(type, purpose) is not { } merged)
                {
                    return;
                }

                foreach (var conflict in merged.UnresolvedConflicts)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken),
                        type.Name, conflict.Id, conflict.Description, string.Join("; ", conflict.Sources)));
                }
            });
        });
    }
}
