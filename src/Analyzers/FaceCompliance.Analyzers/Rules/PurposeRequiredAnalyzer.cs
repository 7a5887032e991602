using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>FC0001: a use needs a declared purpose (Art. 4). FC0005: the use's method must stay within it (Art. 4-5).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeRequiredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The use's processing method, for the code fix to offer only purposes that allow it.</summary>
    internal const string MethodProperty = "Method";

    internal static readonly DiagnosticDescriptor PurposeRule = new(
        RuleIdentifiers.PurposeRequired,
        "Facial data processed without a declared purpose",
        "'{0}' processes facial data, but no purpose is declared for {1}: add [UsesFacialData<TPurpose>] to {2} (Measures, Article 4)",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Facial information may be processed only for a specific purpose with sufficient necessity (Measures, Article 4). Declare the purpose where it is processed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PurposeRequired));

    internal static readonly DiagnosticDescriptor MethodRule = new(
        RuleIdentifiers.MethodExceedsPurpose,
        "Processing method exceeds the declared purpose",
        "'{0}' performs {1}, which exceeds {2} (Measures, Articles 4 and 5)",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People are told the processing method of each purpose (Measures Art. 5); a call must not process more than that, such as 1:N identification under a 1:1 verification purpose.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MethodExceedsPurpose));

    /// <summary>FC0001, FC0005, and FC0008 for the purposes of lambdas and local functions (<see cref="PurposeCompleteAnalyzer.AnalyzePurposeReferences"/>).</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PurposeRule, MethodRule, PurposeCompleteAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var checkedFunctions = new ConcurrentDictionary<Location, bool>();
            start.RegisterFacialUseAction(model, (context, use) => Analyze(context, model, use, checkedFunctions));
        });
    }

    private static void Analyze(OperationAnalysisContext context, FacialModel model, FacialUse use, ConcurrentDictionary<Location, bool> checkedFunctions)
    {
        var site = model.GetSite(use.Operation, context.ContainingSymbol);
        if (site.Member.IsLambdaOrLocalFunction() && !site.Member.Locations.IsEmpty && checkedFunctions.TryAdd(site.Member.Locations[0], true))
        {
            PurposeCompleteAnalyzer.AnalyzePurposeReferences(model, site.Member, context.ReportDiagnostic, context.CancellationToken);
        }

        if (use.Api.Kind != FacialApiKind.Processing)
        {
            return;
        }

        var location = use.Operation.Syntax.GetLocation();
        if (site.WrapperMethod is { } wrapperMethod)
        {
            if (!ProcessingMethods.Allows(wrapperMethod, use.Api.Method))
            {
                context.ReportDiagnostic(Diagnostic.Create(MethodRule, location, use.DisplayName, use.Api.Method,
                    $"the {wrapperMethod} declared by {site.WrapperOwner!.Describe()} with [ProcessesFacialData]"));
            }

            return;
        }

        if (site.Purposes.IsEmpty)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MethodProperty, use.Api.Method.ToString());
            if (site.Member.IsDeclaredInHiddenCode(context.CancellationToken))
            {
                // Razor markup compiles to a generated method (BuildRenderTree, ExecuteAsync) that no one can annotate.
                context.ReportDiagnostic(Diagnostic.Create(PurposeRule, location, properties, use.DisplayName,
                    $"the generated member '{site.Member.Name}'", DescribeRazorType(site.Member, "[UsesFacialData<TPurpose>]")));
                return;
            }

            var notInherited = FacialModel.FindNotInherited(site.Member, s => !model.GetDeclaredPurposes(s).IsEmpty);
            context.ReportDiagnostic(Diagnostic.Create(PurposeRule, location, properties, use.DisplayName, site.Member.Describe(),
                DescribeWhereToDeclare(site.Member) + DescribeNotInherited("[UsesFacialData]", notInherited)));
        }
        else if (!model.SiteAllows(site, use.Api.Method))
        {
            var declared = string.Join(", ", site.Purposes.Select(p => $"'{p.Name}' ({model.Symbols.GetPurposeMethod(p)})"));
            context.ReportDiagnostic(Diagnostic.Create(MethodRule, location, use.DisplayName, use.Api.Method, "the declared purpose " + declared));
        }
    }

    /// <summary>Where the declaration goes for a member generated from Razor markup: its component or page type, with <c>@attribute</c>.</summary>
    internal static string DescribeRazorType(ISymbol member, string attribute)
        => $"its type '{member.ContainingType.Name}' (in a Razor file: @attribute {attribute})";

    /// <summary>
    /// Where a declaration for <paramref name="member"/> can be written, after "add [Attribute] to": the entry point of
    /// top-level statements, fields and events cannot carry one; a primary constructor only with the <c>method:</c> target.
    /// </summary>
    internal static string DescribeWhereToDeclare(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "the lambda, or to " + DescribeEnclosing(member),
        IMethodSymbol { MethodKind: MethodKind.LocalFunction } => "it, or to " + DescribeEnclosing(member),
        IMethodSymbol constructor when constructor.IsPrimaryConstructor() => "its type, or to the constructor alone with the 'method:' target on the type",
        _ when member.IsTopLevelStatements() || member.Kind is SymbolKind.Field or SymbolKind.Event => DescribeWhereToDeclareAround(member),
        _ => "it" + OrItsType(member),
    };

    /// <summary>" or its type"; for a member of an extension block, which cannot carry attributes, the class that declares it.</summary>
    private static string OrItsType(ISymbol member)
        => member.ContainingType is { IsExtension: true } block ? $" or the class '{block.GetWrittenName()}'" : " or its type";

    /// <summary>The declarations that cover a lambda or local function from outside it.</summary>
    private static string DescribeEnclosing(ISymbol function)
    {
        var outer = SymbolExtensions.GetMember(function.ContainingSymbol);
        return outer.IsLambdaOrLocalFunction() ? DescribeWhereToDeclare(outer) : DescribeWhereToDeclareAround(outer);
    }

    /// <summary>A member's declarations, named from outside it.</summary>
    private static string DescribeWhereToDeclareAround(ISymbol member)
    {
        if (member.IsTopLevelStatements())
        {
            // '<Main>$' cannot carry an attribute; the Program type the compiler generates for it can, through a partial declaration.
            return $"a 'partial class {member.ContainingType.Name}' declaration after the top-level statements";
        }

        return member.Kind is SymbolKind.Field or SymbolKind.Event
            ? $"its type '{member.ContainingType.GetWrittenName()}'"
            : member.Describe() + OrItsType(member);
    }

    /// <summary>"; the [X] on 'GateBase' is not inherited", or nothing.</summary>
    internal static string DescribeNotInherited(string attribute, ISymbol? declaredOn)
        => declaredOn is null ? "" : $"; the {attribute} on {(declaredOn is INamedTypeSymbol ? declaredOn.Describe() : $"'{declaredOn.ContainingType.GetWrittenName()}.{declaredOn.Name}'")} is not inherited";
}
