using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>FC0007: an assembly that declares purposes must say who processes the data and how to reach them (Art. 5 §1(1)).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessorDeclaredAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ProcessorRequired,
        "No processor identity or contact declared",
        "{0} (Measures, Article 5)",
        RuleCategories.Notice,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Before processing, people must be told the processor's name and contact (Measures Art. 5 §1(1); PIPL Art. 17(1)). Declare them once with [assembly: FacialDataProcessor(name, contact)].",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ProcessorRequired));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var symbols = model.Symbols;
            var processor = symbols.Find(start.Compilation.Assembly, symbols.FacialDataProcessor);
            var incomplete = processor is null ? null : MissingParts(processor);
            var reported = 0;
            start.RegisterPurposeTypeAction(model, (symbolContext, type, purpose) =>
            {
                if (processor is null)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken),
                        $"Purpose '{type.Name}' is declared, but the assembly declares no processor: add [assembly: FacialDataProcessor(name, contact)]"));
                }
                else if (incomplete is not null && Interlocked.Exchange(ref reported, 1) == 0)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, processor.GetLocation(type, symbolContext.CancellationToken),
                        $"The processor declaration has an empty {incomplete}"));
                }
            });
        });
    }

    private static string? MissingParts(AttributeData processor)
    {
        var arguments = processor.ConstructorArguments;
        var name = arguments.Length > 0 ? arguments[0].Value as string : null;
        var contact = arguments.Length > 1 ? arguments[1].Value as string : null;
        return (string.IsNullOrWhiteSpace(name), string.IsNullOrWhiteSpace(contact)) switch
        {
            (true, true) => "name and contact",
            (true, false) => "name",
            (false, true) => "contact",
            _ => null,
        };
    }
}
