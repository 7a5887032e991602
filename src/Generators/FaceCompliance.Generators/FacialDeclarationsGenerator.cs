using System;
using System.Linq;
using System.Collections.Immutable;
using FaceCompliance.Generators.Emission;
using FaceCompliance.Generators.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using FaceCompliance.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaceCompliance.Generators;

/// <summary>
/// Generates, from <c>[assembly: FacialDataProcessor]</c> and every <c>[FacialDataPurpose]</c> type: the notice in
/// zh-CN and en with its version, its accessible variants, the change notices for the earlier versions listed in
/// <c>FacialNotice.approved.txt</c> and the retention members on each purpose's partial type; one assembly-level class
/// that registers the retention schedules; and, when <c>FaceComplianceReportPath</c> is set, the report constants
/// a build step writes to files. It reports nothing: the analyzers FC0010 and FC0011 do, so <c>#pragma</c> works.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FacialDeclarationsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var purposes = context.SyntaxProvider.ForAttributeWithMetadataName(
                DeclarationValues.PurposeAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (attributeContext, cancellationToken) => DeclarationReader.ReadPurpose(
                    (INamedTypeSymbol)attributeContext.TargetSymbol, attributeContext.Attributes[0], cancellationToken))
            .WithTrackingName(StepNames.Purposes);

        var processor = context.SyntaxProvider.ForAttributeWithMetadataName(
                DeclarationValues.ProcessorAttribute,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, _) => DeclarationReader.ReadProcessor(attributeContext.Attributes[0]))
            .Collect()
            .Select(static (processors, _) => processors.IsEmpty ? ProcessorDeclaration.Undeclared : processors[0])
            .WithTrackingName(StepNames.Processor);

        // The assembly's jurisdictions (GDPR: the EU contacts) and its conflict resolutions, read as values from the
        // [assembly: OperatesIn] and [assembly: ProfileConflictResolution] attributes alone: an edit elsewhere does not
        // read the assembly's attributes again.
        var operatesInAttributes = context.SyntaxProvider.ForAttributeWithMetadataName(
                OperatesInDeclaration.AttributeName,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, _) => attributeContext.Attributes)
            .Collect();
        var resolutionAttributes = context.SyntaxProvider.ForAttributeWithMetadataName(
                ConflictResolutionDeclaration.AttributeName,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, _) => attributeContext.Attributes)
            .Collect();
        var operatesIn = operatesInAttributes.Combine(resolutionAttributes)
            .Select(static (input, _) => DeclarationReader.ReadOperatesIn(input.Left.SelectMany(static a => a).Concat(input.Right.SelectMany(static a => a))))
            .WithTrackingName(StepNames.OperatesIn);

        // Their ids alone (LawValues.Jurisdiction*, sorted): the AI Act statement and the runtime's two-person
        // confirmation depend on whether a purpose serves EU-AIACT.
        var jurisdictions = operatesIn.Select(static (declared, _) => declared.Jurisdictions).WithTrackingName(StepNames.Jurisdictions);

        var notices = purposes.Combine(processor).Combine(operatesIn)
            .Select(static (input, _) =>
            {
                var (purpose, processorDeclaration) = input.Left;
                var notice = NoticeRenderer.Render(processorDeclaration, purpose);
                var gdpr = input.Right.Serves(purpose, Profiles.LawValues.JurisdictionEU)
                    ? GdprNotice.PlainText(processorDeclaration, purpose, input.Right)
                    : "";
                return new PurposeSpec(purpose, notice, AccessibleNoticeRenderer.Render(processorDeclaration, purpose, notice), EquatableArray<RenderedChangeNotice>.Empty, gdpr,
                    input.Right.Declarations, processorDeclaration);
            })
            .WithTrackingName(StepNames.Notices);

        // The approved-notices baseline, read as values: editing it redoes only the change notices.
        var baseline = context.AdditionalTextsProvider
            .Where(static file => ApprovedNoticeBaseline.IsApprovedFile(file.Path))
            .Select(static (file, cancellationToken) => (file.Path, Text: file.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect()
            .Select(static (files, _) => ApprovedNoticeBaseline.Parse(
                files.Sort(static (left, right) => string.CompareOrdinal(left.Path, right.Path)).Select(static file => file.Text)))
            .WithTrackingName(StepNames.Baseline);

        var withChanges = notices.Combine(processor).Combine(baseline)
            .Select(static (input, _) =>
            {
                var spec = input.Left.Left;
                return spec with
                {
                    Changes = ChangeNoticeRenderer.Render(input.Left.Right, spec.Declaration, spec.Notice.Version, input.Right.For(spec.Declaration.Id)),
                };
            })
            .WithTrackingName(StepNames.ChangeNotices);

        // The law date: the purpose information carries the consent requirements merged at it.
        var lawDate = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            // An invalid value is FC0103's to report; the default date stands in.
            options.GlobalOptions.TryGetValue(LawDate.BuildProperty, out var text);
            LawDate.TryParse(text, out var date);
            return date;
        });

        var withProfiles = withChanges.Combine(jurisdictions.Combine(lawDate))
            .Select(static (input, _) => input.Left with { Profile = ProfileSpec.Of(input.Right.Left, input.Left.Declaration.Jurisdictions, input.Right.Right) })
            .WithTrackingName(StepNames.Profiles);

        context.RegisterSourceOutput(withProfiles.Combine(jurisdictions), static (output, input) =>
        {
            var (spec, declared) = input;
            if (spec.Declaration.Type.CanBeExtended)
            {
                output.AddSource(PurposeEmitter.HintName(spec.Declaration), PurposeEmitter.Emit(spec, declared));
            }
        });

        var reportEnabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue(ReportFiles.ReportPathProperty, out var path) && !string.IsNullOrWhiteSpace(path));

        var assembly = withProfiles.Collect()
            .Combine(processor)
            .Combine(reportEnabled)
            .Combine(operatesIn)
            .Select(static (input, _) => new AssemblySpec(input.Left.Left.Right, Ordered(input.Left.Left.Left), input.Left.Right, input.Right))
            .WithTrackingName(StepNames.Assembly);

        context.RegisterSourceOutput(assembly, static (output, spec) =>
        {
            if (spec.Purposes.Count == 0)
            {
                return;
            }

            output.AddSource(DeclarationsEmitter.HintName, DeclarationsEmitter.Emit(spec));
            if (spec.ReportEnabled)
            {
                output.AddSource(DeclarationsEmitter.ReportHintName, DeclarationsEmitter.EmitReport(spec));
            }
        });
    }

    private static EquatableArray<PurposeSpec> Ordered(ImmutableArray<PurposeSpec> purposes)
    {
        var ordered = purposes.Sort(static (left, right) => string.CompareOrdinal(left.Declaration.Id, right.Declaration.Id));
        return new EquatableArray<PurposeSpec>(ordered);
    }
}
