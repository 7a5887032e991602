using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0104: a purpose's <c>RetentionDays</c> is longer than the merged deletion deadline after the person's last
/// interaction of the jurisdictions it serves (BIPA §15(a) 3 years; Colorado 24 months). The retention term runs from
/// collection, and the last interaction may be the collection itself, so a term longer than the deadline can outlive
/// it. Deadlines from the end of the purpose or a "no longer necessary" decision depend on events only the runtime sees.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProfileRetentionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RetentionAboveProfileCeiling,
        "Retention longer than a jurisdiction allows",
        "Purpose '{0}' keeps face data {1} days (RetentionDays), but {2} after the last interaction is the longest its jurisdictions allow ({3}): declare at most {4} days",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "When a purpose serves several jurisdictions, face data must be deleted at the earliest deadline any of them sets. A retention term longer than the deadline after the person's last interaction keeps the data of someone seen only once for too long.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetentionAboveProfileCeiling));

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
                if (purpose.NamedArguments.LastOrDefault(a => a.Key == "RetentionDays").Value.Value is not int retentionDays
                    || retentionDays <= 0
                    || profiles.MergedFor(type, purpose)?.DeletionLimitFrom(RetentionAnchor.LastInteraction) is not { } ceiling)
                {
                    return;
                }

                var allowedDays = ShortestDays(ceiling.Value.Period);
                if (retentionDays > allowedDays)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken),
                        type.Name, retentionDays, ceiling.Value.Period, string.Join("; ", ceiling.Sources),
                        allowedDays.ToString(CultureInfo.InvariantCulture)));
                }
            });
        });
    }

    /// <summary>The fewest days <paramref name="period"/> spans from any start date (3 years: 1095), so the term fits every year.</summary>
    internal static int ShortestDays(LawPeriod period)
    {
        var shortest = int.MaxValue;
        var start = new DateTime(2001, 1, 1);
        // Four years hold every month length and leap position.
        for (var day = 0; day < 1461; day++)
        {
            var from = start.AddDays(day);
            shortest = Math.Min(shortest, (from.AddMonths(period.Months).AddDays(period.Days) - from).Days);
        }

        return shortest;
    }
}
