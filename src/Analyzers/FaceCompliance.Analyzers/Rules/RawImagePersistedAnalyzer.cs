using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.FaceData;
using FaceCompliance.Analyzers.Flow;
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
/// blobs, loggers, serializers writing to a stream) needs a purpose that declares <c>RetainsImages = true</c>, and a
/// check of the person's separate consent to it (<c>FacialConsentScopes.ImageRetention</c>) on every path before the write.
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
        description: "Face recognition needs the face template, not the picture: keeping original face images multiplies the harm of a leak (Measures Art. 8: the shortest necessary storage; PIPL Art. 47). Writing a face image or its pixels to a file, database, cache, blob store, log or serialized stream needs a purpose that declares RetainsImages = true, so that the notice says images are kept, and a check of the person's separate consent to it (a [FacialConsentCheck(Scopes = FacialConsentScopes.ImageRetention)] member, such as IConsentRegistry.EnsureImageRetentionConsent) on every path before the write.",
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
        var retained = new List<(FaceDataHit Hit, ImmutableArray<FaceDataOrigin> Images, ImmutableArray<ITypeSymbol> Purposes)>();

        // Each image once where no purpose keeps images (its first write says so); every write where one does, since
        // each needs the separate consent checked before it.
        foreach (var (hit, images) in flow.Reaching(facts, FaceDataSinkKind.Persistent, static o => o.Kind == FaceDataKind.Image, context.CancellationToken, everySink: true))
        {
            var (retaining, _) = RetainingPurposes(model, model.GetSite(hit.Operation, context.OwningSymbol), context.CancellationToken);
            if (!retaining.IsEmpty)
            {
                retained.Add((hit, images, retaining));
            }
        }

        foreach (var (hit, images) in flow.Reaching(facts, FaceDataSinkKind.Persistent, static o => o.Kind == FaceDataKind.Image, context.CancellationToken))
        {
            if (RetainingPurposes(model, model.GetSite(hit.Operation, context.OwningSymbol), context.CancellationToken).Problem is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, hit.Operation.Syntax.GetLocation(),
                    hit.Via ?? hit.SinkName, FaceDataFlowMessages.Describe("a raw face image", images, hit), problem));
            }
        }

        if (retained.Count > 0)
        {
            ReportUncheckedRetention(context, model, retained);
        }
    }

    /// <summary>
    /// Keeping a face image needs the person's separate consent to it: a consent check for a purpose that declares
    /// RetainsImages, verifying <c>FacialConsentScopes.ImageRetention</c>, on every path before each write, proven by
    /// the consent flow analysis of FC0002/FC0018 asked at the write.
    /// </summary>
    private static void ReportUncheckedRetention(OperationBlockAnalysisContext context, FacialModel model,
        List<(FaceDataHit Hit, ImmutableArray<FaceDataOrigin> Images, ImmutableArray<ITypeSymbol> Purposes)> retained)
    {
        var site = model.GetSite(context.OwningSymbol);
        foreach (var byBlock in retained.GroupBy(r => BlockOf(r.Hit.Operation, context.OperationBlocks)))
        {
            if (byBlock.Key is null)
            {
                continue;
            }

            var requirements = new Dictionary<SyntaxNode, ConsentRequirement>();
            var probes = new Dictionary<SyntaxNode, ConsentProbe>();
            foreach (var (hit, _, purposes) in byBlock)
            {
                var requirement = ConsentRequirement.OneOf(purposes).WithScopes(LawValues.ScopeImageRetention);
                requirements[hit.Operation.Syntax] = requirement;
                probes[hit.Operation.Syntax] = new ConsentProbe(hit.Operation.Kind, requirement);
            }

            var results = ConsentFlowAnalysis.Probe(model, site, context.GetControlFlowGraph(byBlock.Key), probes, context.CancellationToken);
            foreach (var (hit, images, _) in byBlock)
            {
                if (results[hit.Operation.Syntax] is { } why)
                {
                    var problem = $"no consent check for {requirements[hit.Operation.Syntax]} that verifies FacialConsentScopes.ImageRetention (the person's separate consent to keeping face images) holds on every path before it"
                        + (why.Length == 0 ? string.Empty : ": " + why)
                        + "; call a [FacialConsentCheck(Scopes = FacialConsentScopes.ImageRetention)] member such as IConsentRegistry.EnsureImageRetentionConsent first";
                    context.ReportDiagnostic(Diagnostic.Create(Rule, hit.Operation.Syntax.GetLocation(),
                        hit.Via ?? hit.SinkName, FaceDataFlowMessages.Describe("a raw face image", images, hit), problem));
                }
            }
        }
    }

    /// <summary>The operation block (of those the driver hands over) that holds <paramref name="operation"/>.</summary>
    private static IOperation? BlockOf(IOperation operation, ImmutableArray<IOperation> blocks)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (blocks.Contains(current))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The purposes of the site that declare image retention; when none does, why not.</summary>
    private static (ImmutableArray<ITypeSymbol> Retaining, string? Problem) RetainingPurposes(FacialModel model, UseSite site, CancellationToken cancellationToken)
    {
        const string fix = ": keep face templates only, or declare RetainsImages = true on the purpose, whose notice then says that face images are kept, and check the person's separate consent to it (FacialConsentScopes.ImageRetention) before each write";
        if (site.Purposes.IsEmpty)
        {
            return (ImmutableArray<ITypeSymbol>.Empty, "no purpose is declared for this code, so nothing declares that face images are kept" + fix);
        }

        var retaining = ImmutableArray.CreateBuilder<ITypeSymbol>();
        var reasons = new List<string>();
        foreach (var purpose in site.Purposes)
        {
            if (purpose.OriginalDefinition is not INamedTypeSymbol type || model.Symbols.Find(type, model.Symbols.FacialDataPurpose) is not { } attribute)
            {
                reasons.Add($"'{purpose.Name}' declares no [FacialDataPurpose]");
            }
            else if (DeclarationReader.ReadPurpose(type, attribute, cancellationToken).RetainsImages)
            {
                retaining.Add(purpose);
            }
            else
            {
                reasons.Add($"the purpose '{purpose.Name}' does not declare that it keeps face images");
            }
        }

        return retaining.Count > 0 ? (retaining.ToImmutable(), null) : (ImmutableArray<ITypeSymbol>.Empty, string.Join(" and ", reasons) + fix);
    }
}
