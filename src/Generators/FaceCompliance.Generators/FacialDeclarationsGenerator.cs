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
                static (attributeContext, cancellationToken) => (
                    Declaration: DeclarationReader.ReadPurpose((INamedTypeSymbol)attributeContext.TargetSymbol, attributeContext.Attributes[0], cancellationToken),
                    Narrowed: Narrowed(attributeContext.Attributes[0])))
            .WithTrackingName(StepNames.Purposes);

        var processor = context.SyntaxProvider.ForAttributeWithMetadataName(
                DeclarationValues.ProcessorAttribute,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, _) => DeclarationReader.ReadProcessor(attributeContext.Attributes[0]))
            .Collect()
            .Select(static (processors, _) => processors.IsEmpty ? ProcessorDeclaration.Undeclared : processors[0])
            .WithTrackingName(StepNames.Processor);

        var notices = purposes.Combine(processor)
            .Select(static (pair, _) =>
            {
                var declaration = pair.Left.Declaration;
                var notice = NoticeRenderer.Render(pair.Right, declaration);
                return new PurposeSpec(declaration, notice, AccessibleNoticeRenderer.Render(pair.Right, declaration, notice),
                    EquatableArray<RenderedChangeNotice>.Empty, pair.Left.Narrowed);
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

        // Where the assembly operates and the law date: the purpose information carries the merged consent requirements.
        var declaredJurisdictions = context.SyntaxProvider.ForAttributeWithMetadataName(
                OperatesInAttribute,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, _) => attributeContext.Attributes
                    .Select(static attribute => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : -1)
                    .ToImmutableArray())
            .Collect()
            .Select(static (found, _) => new EquatableArray<int>(found.SelectMany(static values => values).Where(static value => value >= 0).Distinct().OrderBy(static value => value).ToImmutableArray()))
            .WithTrackingName(StepNames.Jurisdictions);
        var lawDate = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            // An invalid value is FC0103's to report; the default date stands in.
            options.GlobalOptions.TryGetValue(LawDate.BuildProperty, out var text);
            LawDate.TryParse(text, out var date);
            return date;
        });

        var withProfiles = withChanges.Combine(declaredJurisdictions.Combine(lawDate))
            .Select(static (input, _) => input.Left with { Profile = ProfileSpec.Of(input.Right.Left, input.Left.Narrowed, input.Right.Right) })
            .WithTrackingName(StepNames.Profiles);

        context.RegisterSourceOutput(withProfiles, static (output, spec) =>
        {
            if (spec.Declaration.Type.CanBeExtended)
            {
                output.AddSource(PurposeEmitter.HintName(spec.Declaration), PurposeEmitter.Emit(spec));
            }
        });

        var reportEnabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue(ReportFiles.ReportPathProperty, out var path) && !string.IsNullOrWhiteSpace(path));

        var assembly = withProfiles.Collect()
            .Combine(processor)
            .Combine(reportEnabled)
            .Select(static (input, _) => new AssemblySpec(input.Left.Right, Ordered(input.Left.Left), input.Right))
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

    private const string OperatesInAttribute = "FaceCompliance.OperatesInAttribute";

    /// <summary>The values of the purpose's <c>Jurisdictions</c> array; empty when it does not narrow.</summary>
    private static EquatableArray<int> Narrowed(AttributeData purpose)
    {
        var values = ImmutableArray.CreateBuilder<int>();
        foreach (var argument in purpose.NamedArguments)
        {
            if (argument.Key == "Jurisdictions" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                values.AddRange(argument.Value.Values.Select(static value => value.Value is int jurisdiction ? jurisdiction : -1).Where(static value => value >= 0));
            }
        }

        return new EquatableArray<int>(values.ToImmutable());
    }

    private static EquatableArray<PurposeSpec> Ordered(ImmutableArray<PurposeSpec> purposes)
    {
        var ordered = purposes.Sort(static (left, right) => string.CompareOrdinal(left.Declaration.Id, right.Declaration.Id));
        return new EquatableArray<PurposeSpec>(ordered);
    }
}
