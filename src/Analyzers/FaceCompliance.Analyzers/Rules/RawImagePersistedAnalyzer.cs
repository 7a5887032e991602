using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.FaceData;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0014: a face image or its pixels (a FaceImage, the buffer it was made from, copies of its pixels; not templates)
/// written to a persistent sink (FaceDataSinks.txt: files, database parameters, EF Core entities, distributed caches,
/// blobs, loggers, serializers writing to a stream) needs a purpose that declares <c>RetainsImages = true</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawImagePersistedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RawImagePersisted,
        "Raw face image kept without a declared image retention",
        "'{0}' keeps {1}, but {2} (" + JurisdictionProfiles.China.Cite(RuleIdentifiers.RawImagePersisted) + ")",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Face recognition needs the face template, not the picture: keeping original face images multiplies the harm of a leak (Measures Art. 8: the shortest necessary storage; PIPL Art. 47). Writing a face image or its pixels to a file, database, cache, blob store, log or serialized stream needs a purpose that declares RetainsImages = true, so that the notice says images are kept and that the law asks a separate consent for it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RawImagePersisted));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var flow = FaceDataFlow.Get(start.Compilation, model);
            if (!flow.Sinks.IsEmpty && flow.FaceImage is not null)
            {
                start.RegisterOperationBlockStartAction(blockStart => flow.RegisterMemberAction(blockStart, (context, facts) => Report(context, model, flow, facts)));
            }
        });
    }

    private static void Report(OperationBlockAnalysisContext context, FacialModel model, FaceDataFlow flow, FaceDataFacts facts)
    {
        foreach (var (hit, images) in flow.Reaching(facts, FaceDataSinkKind.Persistent, static o => o.Kind == FaceDataKind.Image, context.CancellationToken))
        {
            var site = model.GetSite(hit.Operation, context.OwningSymbol);
            if (DescribePurposes(model, site, context.CancellationToken) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, hit.Operation.Syntax.GetLocation(),
                    hit.Via ?? hit.SinkName, FaceDataFlowMessages.Describe("a raw face image", images, hit), problem));
            }
        }
    }

    /// <summary>Null when some purpose of the site declares image retention; otherwise why none does.</summary>
    private static string? DescribePurposes(FacialModel model, UseSite site, CancellationToken cancellationToken)
    {
        const string fix = ": keep face templates only, or declare RetainsImages = true on the purpose, whose notice then says that face images are kept and that the law asks a separate consent for it";
        if (site.Purposes.IsEmpty)
        {
            return "no purpose is declared for this code, so nothing declares that face images are kept" + fix;
        }

        var reasons = new List<string>();
        foreach (var purpose in site.Purposes)
        {
            if (purpose.OriginalDefinition is not INamedTypeSymbol type || model.Symbols.Find(type, model.Symbols.FacialDataPurpose) is not { } attribute)
            {
                reasons.Add($"'{purpose.Name}' declares no [FacialDataPurpose]");
                continue;
            }

            if (DeclarationReader.ReadPurpose(type, attribute, cancellationToken).RetainsImages)
            {
                return null;
            }

            reasons.Add($"the purpose '{purpose.Name}' does not declare that it keeps face images");
        }

        return string.Join(" and ", reasons) + fix;
    }
}
