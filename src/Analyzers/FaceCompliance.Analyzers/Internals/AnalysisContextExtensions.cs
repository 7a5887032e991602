using System;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Internals;

internal static class AnalysisContextExtensions
{
    /// <summary>
    /// The common start of every FaceCompliance analyzer: a <see cref="FacialModel"/> built once per compilation;
    /// nothing is registered when no facial data can be processed.
    /// </summary>
    public static void RegisterFacialModelAction(this AnalysisContext context, Action<CompilationStartAnalysisContext, FacialModel> action)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var model = FacialModel.Create(start.Compilation, start.Options, start.CancellationToken);
            if (model.IsActive)
            {
                action(start, model);
            }
        });
    }

    /// <summary>Runs <paramref name="action"/> for every facial-data use in the compilation.</summary>
    public static void RegisterFacialUseAction(this AnalysisContext context, Action<OperationAnalysisContext, FacialModel, FacialUse> action)
        => context.RegisterFacialModelAction((start, model) => start.RegisterFacialUseAction(model, (operationContext, use) => action(operationContext, model, use)));

    /// <summary>Runs <paramref name="action"/> for every facial-data use: one lookup per call, creation, method group or property access.</summary>
    public static void RegisterFacialUseAction(this CompilationStartAnalysisContext context, FacialModel model, Action<OperationAnalysisContext, FacialUse> action)
        => context.RegisterOperationAction(
            operationContext =>
            {
                if (model.ClassifyUse(operationContext.Operation) is { } use)
                {
                    action(operationContext, use);
                }
            },
            FacialModel.UseKinds);

    /// <summary>
    /// Runs <paramref name="action"/> for every type declared with <c>[FacialDataPurpose]</c>, with that attribute;
    /// registers nothing when the compilation cannot see the attribute.
    /// </summary>
    public static void RegisterPurposeTypeAction(this CompilationStartAnalysisContext context, FacialModel model, Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData> action)
    {
        var symbols = model.Symbols;
        if (symbols.FacialDataPurpose is null)
        {
            return;
        }

        context.RegisterSymbolAction(
            symbolContext =>
            {
                if (symbolContext.Symbol is INamedTypeSymbol type && symbols.Find(type, symbols.FacialDataPurpose) is { } purpose)
                {
                    action(symbolContext, type, purpose);
                }
            },
            SymbolKind.NamedType);
    }
}
