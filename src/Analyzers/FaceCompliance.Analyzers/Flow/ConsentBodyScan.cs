using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// One pass over a whole body (lambdas and local functions included) before the flow analysis: the requirements
/// its uses need, which locals the analysis can follow, which lambdas run only through a local that calls them,
/// and which code sits in the arguments of a <c>[Conditional]</c> call (<c>Debug.Assert</c>).
/// </summary>
internal sealed class ConsentBodyScan
{
    private readonly FacialModel _model;
    private readonly UseSite _site;
    private readonly SemanticModel? _semanticModel;
    private readonly Dictionary<ILocalSymbol, LocalUsage> _locals = new(SymbolEqualityComparer.Default);
    private readonly List<IInvocationOperation> _conditionalCalls = new();

    private ConsentBodyScan(FacialModel model, UseSite site, SemanticModel? semanticModel)
    {
        _model = model;
        _site = site;
        _semanticModel = semanticModel;
        Requirements = new RequirementIndex(model.Symbols);
    }

    public RequirementIndex Requirements { get; }

    /// <summary>
    /// The declarations governing one use: a lambda or local function that declares its own (a minimal-API handler)
    /// is a use site of its own; otherwise the body's member.
    /// </summary>
    public UseSite SiteOf(FacialUse use) => _model.GetSite(use.Operation.Syntax, _semanticModel, _site.Member);

    /// <param name="probed">Requirements asked at points that are not uses (<see cref="ConsentFlowAnalysis.Probe"/>).</param>
    public static ConsentBodyScan Run(FacialModel model, UseSite site, IOperation root, IEnumerable<ConsentRequirement>? probed = null)
    {
        // Operations inside a control-flow graph have no semantic model: the body's root has it.
        var scan = new ConsentBodyScan(model, site, root.SemanticModel);
        var checkedPurposes = new List<ITypeSymbol>();
        var lawful = new List<ConsentRequirement>();
        var further = new List<ConsentRequirement>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    scan.NoteReference(reference);
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                    scan.NoteWrite(declarator.Symbol, value);
                    break;
                case IInvocationOperation { TargetMethod.IsConditional: true } conditional:
                    scan._conditionalCalls.Add(conditional);
                    break;
            }

            if (model.ClassifyUse(operation) is { } use)
            {
                lawful.Add(ConsentRequirement.For(use, scan.SiteOf(use), model));
                if (ConsentScopeDemands.Of(model, use, lawful[lawful.Count - 1]) is { } demand)
                {
                    further.Add(lawful[lawful.Count - 1].WithScopes(demand.Scopes));
                }
            }

            if (model.GetConsentCheck(operation) is { Purpose: { } purpose })
            {
                checkedPurposes.Add(purpose);
            }
        }

        // What makes the uses lawful first, so that FC0002 and FC0006 keep their bits when a body has too many.
        foreach (var requirement in lawful)
        {
            scan.Requirements.Add(requirement);
        }

        foreach (var requirement in lawful)
        {
            if (requirement.WithGuardian(model.Symbols) is { } guardian)
            {
                scan.Requirements.Add(guardian);
            }
        }

        foreach (var requirement in further.Concat(probed ?? Enumerable.Empty<ConsentRequirement>()))
        {
            scan.Requirements.Add(requirement);
        }

        // After the uses' requirements, so that they get bits first.
        foreach (var purpose in checkedPurposes)
        {
            scan.Requirements.Add(ConsentRequirement.OneOf(ImmutableArray.Create(purpose)));
        }

        return scan;
    }

    /// <summary>
    /// Whether the analysis follows the local's value: it is written only by <c>=</c>, in the function that declares
    /// it and outside <c>finally</c> blocks around its declaration, and never passed or aliased by reference.
    /// </summary>
    public bool IsFollowed(ILocalSymbol local) => !_locals.TryGetValue(local, out var usage) || usage.NotFollowedBecause is null;

    /// <summary>Why a local that holds a consent check's result is not followed; null when it is, or holds none.</summary>
    public string? WhyNotFollowed(ILocalSymbol local)
        => _locals.TryGetValue(local, out var usage) && usage.HoldsCheck ? usage.NotFollowedBecause : null;

    /// <summary>The lambda a local holds when that local is assigned once, to it, and is otherwise only called: <c>f()</c>.</summary>
    public IMethodSymbol? LambdaCalledThrough(ILocalSymbol local)
        => _locals.TryGetValue(local, out var usage) && usage is { Writes: 1, OnlyCalled: true, NotFollowedBecause: null } ? usage.Lambda : null;

    /// <summary>The local through which alone a lambda is called (see <see cref="LambdaCalledThrough"/>), or null.</summary>
    public ILocalSymbol? LocalCalling(IMethodSymbol lambda)
    {
        foreach (var pair in _locals)
        {
            if (SymbolEqualityComparer.Default.Equals(LambdaCalledThrough(pair.Key), lambda))
            {
                return pair.Key;
            }
        }

        return null;
    }

    /// <summary>The <c>[Conditional]</c> method (<c>Debug.Assert</c>) whose call contains this code, or null.</summary>
    public IMethodSymbol? ConditionalCallAround(SyntaxNode node)
    {
        foreach (var call in _conditionalCalls)
        {
            if (call.Syntax.Span.Contains(node.Span) && call.Syntax.SyntaxTree == node.SyntaxTree)
            {
                return call.TargetMethod;
            }
        }

        return null;
    }

    private LocalUsage Usage(ILocalSymbol local)
    {
        if (!_locals.TryGetValue(local, out var usage))
        {
            _locals[local] = usage = new LocalUsage();
        }

        return usage;
    }

    private void NoteWrite(ILocalSymbol local, IOperation value)
    {
        var usage = Usage(local);
        usage.Writes++;
        usage.HoldsCheck |= value.DescendantsAndSelf().Any(o => _model.GetConsentCheck(o) is not null);
        var lambda = Unwrap(value) as IAnonymousFunctionOperation;
        usage.Lambda = lambda?.Symbol;
    }

    private void NoteReference(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        var usage = Usage(local);
        if (local.IsRef)
        {
            usage.NotFollow("it is a ref local");
            return;
        }

        if (reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference))
        {
            if (assignment.IsRef)
            {
                usage.NotFollow("it is assigned by reference");
            }
            else if (!IsInDeclaringFunction(local, reference))
            {
                usage.NotFollow("it is written inside a lambda or local function");
            }
            else if (IsInFinallyAroundDeclaration(local, reference))
            {
                usage.NotFollow("it is written in a finally block");
            }

            NoteWrite(local, assignment.Value);
            return;
        }

        if (IsWrittenOtherThanByAssignment(reference))
        {
            usage.NotFollow("it is passed by reference or written other than by '='");
            return;
        }

        usage.OnlyCalled &= reference.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } call
            && ReferenceEquals(call.Instance, reference);
    }

    private static bool IsWrittenOtherThanByAssignment(ILocalReferenceOperation reference)
    {
        var parent = reference.Parent is IDeclarationExpressionOperation declaration ? declaration.Parent : reference.Parent;
        switch (parent)
        {
            case IArgumentOperation argument:
                return argument.Parameter is not { RefKind: RefKind.None };
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation or IAddressOfOperation:
                return true;
            case ISimpleAssignmentOperation { IsRef: true }:
                return true;
            case ITupleOperation tuple:
                IOperation current = tuple;
                while (current.Parent is ITupleOperation or IDeclarationExpressionOperation)
                {
                    current = current.Parent;
                }

                return current.Parent is IDeconstructionAssignmentOperation deconstruction && ReferenceEquals(deconstruction.Target, current);
            default:
                return false;
        }
    }

    private static bool IsInDeclaringFunction(ILocalSymbol local, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return SymbolEqualityComparer.Default.Equals(lambda.Symbol, local.ContainingSymbol);
                case ILocalFunctionOperation function:
                    return SymbolEqualityComparer.Default.Equals(function.Symbol, local.ContainingSymbol);
            }
        }

        return true;
    }

    /// <summary>A write in a <c>finally</c> that does not also contain the declaration: the flow out of the try skips it.</summary>
    private static bool IsInFinallyAroundDeclaration(ILocalSymbol local, IOperation operation)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.Span;
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is ITryOperation @try && ReferenceEquals(@try.Finally, child)
                && (declaration is not { } span || !child.Syntax.Span.Contains(span)))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    value = creation.Target;
                    break;
                default:
                    return value;
            }
        }
    }

    private sealed class LocalUsage
    {
        public int Writes { get; set; }

        public bool HoldsCheck { get; set; }

        public bool OnlyCalled { get; set; } = true;

        public IMethodSymbol? Lambda { get; set; }

        public string? NotFollowedBecause { get; private set; }

        public void NotFollow(string reason) => NotFollowedBecause ??= reason;
    }
}
