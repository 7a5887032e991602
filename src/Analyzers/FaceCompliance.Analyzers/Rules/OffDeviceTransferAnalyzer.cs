using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Notice;
using FaceCompliance.Analyzers.FaceData;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0013: a use of an API that sends facial data off the device (a catalog line marked <c>;OffDevice</c>, or
/// <c>[ProcessesFacialData(OffDevice = true)]</c>), or face data passed to a network sink (FaceDataSinks.txt, followed by
/// the face-data flow engine), needs a purpose that stores on a server and names the transfer's recipient, so that the
/// notice and the consent to it cover the transfer (Measures Art. 8 §1; PIPL Art. 29).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OffDeviceTransferAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.OffDeviceTransferUndeclared,
        "Facial data sent off the device without a declared transfer",
        "'{0}' sends {1} off the device, but {2} (Measures, Article 8)",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Unless a law says otherwise or the person gave separate consent, face information stays inside the face recognition device and is not sent out over the internet (Measures Art. 8 §1). A cloud face service may be used, and face data passed to a network sink (HttpClient, sockets, WebSocket, e-mail, gRPC), only under a purpose that declares server storage and the transfer's recipient, so that the notice tells people and their separate consent covers it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.OffDeviceTransferUndeclared));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            start.RegisterFacialUseAction(model, (context, use) =>
            {
                if (use.Api.Kind != FacialApiKind.Processing || !model.SendsOffDevice(use.Target))
                {
                    return;
                }

                var site = model.GetSite(use.Operation, context.ContainingSymbol);
                var problem = site.IsWrapper
                    ? DescribeWrapper(model, site)
                    : DescribePurposes(model, site, reportWithoutPurpose: false, context.CancellationToken);
                if (problem is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(), use.DisplayName, FacialData, problem));
                }
            });

            var flow = FaceDataFlow.Get(start.Compilation, model);
            if (!flow.Sinks.IsEmpty)
            {
                start.RegisterOperationBlockStartAction(blockStart => flow.RegisterMemberAction(blockStart, (context, facts) => ReportNetworkSinks(context, model, flow, facts)));
            }
        });
    }

    private const string FacialData = "facial data";

    /// <summary>
    /// Face data passed to a network sink is a transfer like a cloud API's use, judged by the purposes of the sink's
    /// site; a site without any purpose is reported too, since nothing there declares the transfer.
    /// </summary>
    private static void ReportNetworkSinks(OperationBlockAnalysisContext context, FacialModel model, FaceDataFlow flow, FaceDataFacts facts)
    {
        foreach (var (hit, faces) in flow.Reaching(facts, FaceDataSinkKind.Network, static _ => true, context.CancellationToken))
        {
            var site = model.GetSite(hit.Operation, context.OwningSymbol);
            var problem = site.IsWrapper
                ? DescribeWrapper(model, site)
                : DescribePurposes(model, site, reportWithoutPurpose: true, context.CancellationToken);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, hit.Operation.Syntax.GetLocation(),
                    hit.Via ?? hit.SinkName, FaceDataFlowMessages.Describe("face data", faces, hit), problem));
            }
        }
    }


    /// <summary>
    /// A wrapper's callers carry its obligations, so they must see that it transfers: its own <c>[ProcessesFacialData]</c>
    /// must say <c>OffDevice = true</c>; then its callers are judged as uses of an off-device API.
    /// </summary>
    private static string? DescribeWrapper(FacialModel model, UseSite site)
    {
        var owner = site.WrapperOwner!;
        var declared = model.Symbols.Find(owner, model.Symbols.ProcessesFacialData);
        return declared is not null && declared.NamedArguments.Any(a => a.Key == "OffDevice" && a.Value.Value is true)
            ? null
            : $"the [ProcessesFacialData] of {owner.Describe()}, whose callers carry the obligations, does not say so: add OffDevice = true to it, so that its callers need a purpose that declares the transfer";
    }

    /// <summary>
    /// Null when some purpose of the site permits the transfer; otherwise why none does. No purpose at all is FC0001's
    /// for an API use; for face data at a network sink (no FC0001 there) it is reported: nothing declares the transfer.
    /// </summary>
    private static string? DescribePurposes(FacialModel model, UseSite site, bool reportWithoutPurpose, CancellationToken cancellationToken)
    {
        if (site.Purposes.IsEmpty)
        {
            return reportWithoutPurpose
                ? "nothing declares the transfer: no purpose is declared for this code ([UsesFacialData<T>] on the member or its type)" + FixSuggestion
                : null;
        }

        var reasons = new List<string>();
        foreach (var purpose in site.Purposes)
        {
            if (purpose.OriginalDefinition is not INamedTypeSymbol type || model.Symbols.Find(type, model.Symbols.FacialDataPurpose) is not { } attribute)
            {
                reasons.Add($"'{purpose.Name}' declares no [FacialDataPurpose]");
                continue;
            }

            // The generator's own reading of the declaration, so the rule and the notice agree on what is declared.
            var declared = DeclarationReader.ReadPurpose(type, attribute, cancellationToken);
            var server = declared.Storage == DeclarationValues.StorageServer;
            var missingRecipient = new[] { ("TransferRecipientZh", declared.TransferRecipientZh), ("TransferRecipientEn", declared.TransferRecipientEn) }
                .Where(p => string.IsNullOrWhiteSpace(p.Item2))
                .Select(p => p.Item1)
                .ToList();
            if (server && missingRecipient.Count == 0)
            {
                return null;
            }

            reasons.Add(server
                ? $"the purpose '{purpose.Name}' names no recipient of the transfer (missing {string.Join(", ", missingRecipient)})"
                : $"the purpose '{purpose.Name}' declares on-device storage");
        }

        return string.Join(" and ", reasons) + FixSuggestion;
    }

    private const string FixSuggestion = ": declare Storage = FacialDataStorage.Server, TransferRecipientZh and TransferRecipientEn on the purpose, which the notice names and its separate consent covers, or use an on-device SDK";
}
