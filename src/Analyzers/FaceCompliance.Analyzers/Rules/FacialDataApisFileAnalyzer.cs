using System.Collections.Immutable;
using FaceCompliance.Analyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>FC1001: a malformed, unknown-method or duplicate line in a <c>FacialDataApis.txt</c> file, reported at that line.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FacialDataApisFileAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InvalidFacialDataApiEntry,
        "Invalid entry in FacialDataApis.txt",
        "{0}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each line of FacialDataApis.txt names one member in the BannedSymbols.txt format, optionally followed by ';' and a processing method. A line that cannot be read would silently leave an API unchecked.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidFacialDataApiEntry));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!FacialApiCatalog.IsApiListFile(fileContext.AdditionalFile.Path))
            {
                return;
            }

            // Duplicates span files, so every list is parsed; only this file's errors are reported here.
            var parser = FacialApiCatalog.ParseUserFiles(fileContext.Options.AdditionalFiles, fileContext.CancellationToken);
            var text = fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
            foreach (var error in parser.Errors)
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
