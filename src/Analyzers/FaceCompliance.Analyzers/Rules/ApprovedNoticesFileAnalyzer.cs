using System.Collections.Immutable;
using FaceCompliance.Analyzers.Approval;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC1002: a line of <c>FacialNotice.approved.txt</c> that is not <c>&lt;purpose id&gt; &lt;notice version&gt;</c>, or
/// repeats an id, reported at that line. Such a line approves nothing, so FC0010 would keep warning for reasons
/// that are hard to see.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApprovedNoticesFileAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InvalidApprovedNoticeEntry,
        "Bad line in FacialNotice.approved.txt",
        "{0}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each line of FacialNotice.approved.txt approves one purpose's notice: the purpose id, a space, and the 16 hex digits of the notice version; '#' starts a comment line. A line that cannot be read, or a second line for the same purpose, approves nothing.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidApprovedNoticeEntry));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!ApprovedNoticeList.IsApprovedFile(fileContext.AdditionalFile.Path))
            {
                return;
            }

            // Duplicates span files, so every approved file is read; only this file's errors are reported here.
            var list = ApprovedNoticeList.Read(fileContext.Options.AdditionalFiles, fileContext.CancellationToken);
            var text = fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
            foreach (var error in list.Errors)
            {
                if (text is not null && error.Path == fileContext.AdditionalFile.Path)
                {
                    var location = Location.Create(error.Path, error.Span, text.Lines.GetLinePositionSpan(error.Span));
                    fileContext.ReportDiagnostic(Diagnostic.Create(Rule, location, System.IO.Path.GetFileName(error.Path) + ": " + error.Message));
                }
            }
        });
    }
}
