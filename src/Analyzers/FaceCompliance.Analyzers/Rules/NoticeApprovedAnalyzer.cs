using System;
using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.Approval;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Notice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0010: the notice the generator renders for a purpose (zh-CN and en) must be the one that was approved. Each
/// purpose's notice version, computed by the same code as the generator's (src/Shared/Notice), is compared with
/// its line in <c>FacialNotice.approved.txt</c>: a changed notice is new text people have not agreed to (Measures
/// Art. 5 §2), and a notice never approved has not been reviewed at all. A warning by default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoticeApprovedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the purpose id, as written in FacialNotice.approved.txt.</summary>
    public const string PurposeIdProperty = "PurposeId";

    /// <summary>Diagnostic property: the version of the notice as it is now, the one to approve.</summary>
    public const string NoticeVersionProperty = "NoticeVersion";

    /// <summary>Diagnostic property: the facts the notice is rendered from (<see cref="NoticeFacts"/>), written after the version so a later change notice can name what changed.</summary>
    public const string NoticeFactsProperty = "NoticeFacts";

    private const string Title = "Notice not approved";

    private const string Description =
        "The notice people read before they consent is generated from the purpose and processor declarations. Its version (16 hex digits of a SHA-256 of the text in both languages) must be listed in the AdditionalFile FacialNotice.approved.txt: someone must have approved the text, and when the text changes, people must consent again (Measures Art. 5 §2).";

    // RS1032 takes the period of "Art. 5" for the end of a sentence; each message is one sentence, without a final period.
#pragma warning disable RS1032
    internal static readonly DiagnosticDescriptor ChangedRule = new(
        RuleIdentifiers.NoticeNotApproved,
        Title,
        "The notice of purpose '{0}' changed (approved {1}, now {2}): have the new text approved and update FacialNotice.approved.txt; people who consented to the old text must consent again (Measures Art. 5 §2)",
        RuleCategories.Notice,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.NoticeNotApproved));

    internal static readonly DiagnosticDescriptor NeverApprovedRule = new(
        RuleIdentifiers.NoticeNotApproved,
        Title,
        "The notice of purpose '{0}' (version {1}) has not been approved: have it approved and add it to FacialNotice.approved.txt (Measures Art. 5)",
        RuleCategories.Notice,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.NoticeNotApproved));
#pragma warning restore RS1032

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ChangedRule, NeverApprovedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var symbols = model.Symbols;
            // Both are read at most once per compilation, and only when the compilation declares a purpose.
            var compilation = start.Compilation;
            var options = start.Options;
            var processor = new Lazy<ProcessorDeclaration>(
                () => symbols.Find(compilation.Assembly, symbols.FacialDataProcessor) is { } attribute
                    ? DeclarationReader.ReadProcessor(attribute)
                    : ProcessorDeclaration.Undeclared,
                LazyThreadSafetyMode.ExecutionAndPublication);
            var approved = new Lazy<ApprovedNoticeList>(
                () => ApprovedNoticeList.Read(options.AdditionalFiles, CancellationToken.None),
                LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterPurposeTypeAction(model, (symbolContext, type, attribute) =>
            {
                var purpose = DeclarationReader.ReadPurpose(type, attribute, symbolContext.CancellationToken);
                var version = NoticeRenderer.Render(processor.Value, purpose).Version;
                var line = approved.Value.Find(purpose.Id);
                if (line is not null && ApprovedNoticeList.SameVersion(line.Version, version))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(PurposeIdProperty, purpose.Id)
                    .Add(NoticeVersionProperty, version)
                    .Add(NoticeFactsProperty, NoticeFacts.Of(processor.Value, purpose));
                var location = attribute.GetLocation(type, symbolContext.CancellationToken);
                symbolContext.ReportDiagnostic(line is null
                    ? Diagnostic.Create(NeverApprovedRule, location, properties, purpose.Id, version)
                    : Diagnostic.Create(ChangedRule, location, properties, purpose.Id, line.Version, version));
            });
        });
    }
}
