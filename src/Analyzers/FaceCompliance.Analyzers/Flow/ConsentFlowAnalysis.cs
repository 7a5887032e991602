using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>A use whose consent is not proven on every path: FC0002, or FC0006 when only other purposes were checked.</summary>
internal sealed class ConsentFinding
{
    public ConsentFinding(FacialUse use, string needed, string? checkedInstead)
    {
        Use = use;
        Needed = needed;
        CheckedInstead = checkedInstead;
    }

    public FacialUse Use { get; }

    public string Needed { get; }

    public string? CheckedInstead { get; }
}

/// <summary>
/// Proves that consent is checked on every control-flow path before each facial-data use of one member's body:
/// a must-analysis over the Roslyn <see cref="ControlFlowGraph"/> solved by iteration to a fixed point.
/// Lambdas start with the state where they are created; local functions with the meet of the states at every
/// reference to them. docs/semantics.md ("Flow analysis") states each decision.
/// </summary>
internal sealed class ConsentFlowAnalysis
{
    private const int MaxLocalFunctionRounds = 8;

    private readonly FacialModel _model;
    private readonly UseSite _site;
    private readonly SemanticModel? _semanticModel;
    private readonly CancellationToken _cancellationToken;
    private readonly ConsentState _bits = new();
    private readonly Dictionary<IMethodSymbol, ulong> _localFunctionEntry = new(SymbolEqualityComparer.Default);
    private Dictionary<IMethodSymbol, ulong> _localFunctionReferences = new(SymbolEqualityComparer.Default);
    private List<(IMethodSymbol Symbol, ControlFlowGraph Graph)> _localFunctions = new();
    private Dictionary<SyntaxNode, ConsentFinding> _findings = new();

    private ConsentFlowAnalysis(FacialModel model, UseSite site, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        _model = model;
        _site = site;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public static IEnumerable<ConsentFinding> Run(FacialModel model, UseSite site, ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        var analysis = new ConsentFlowAnalysis(model, site, graph.OriginalOperation.SemanticModel, cancellationToken);
        for (var round = 0; ; round++)
        {
            analysis.RunRound(graph);
            var next = new Dictionary<IMethodSymbol, ulong>(SymbolEqualityComparer.Default);
            foreach (var (symbol, _) in analysis._localFunctions)
            {
                // A local function nobody references starts with nothing; one that never settles, too.
                next[symbol] = round < MaxLocalFunctionRounds && analysis._localFunctionReferences.TryGetValue(symbol, out var state)
                    ? state
                    : ConsentState.Empty;
            }

            if (next.All(pair => analysis._localFunctionEntry.TryGetValue(pair.Key, out var old) && old == pair.Value))
            {
                return analysis._findings.Values;
            }

            foreach (var pair in next)
            {
                analysis._localFunctionEntry[pair.Key] = pair.Value;
            }
        }
    }

    private void RunRound(ControlFlowGraph root)
    {
        _localFunctionReferences = new Dictionary<IMethodSymbol, ulong>(SymbolEqualityComparer.Default);
        _localFunctions = new List<(IMethodSymbol, ControlFlowGraph)>();
        _findings = new Dictionary<SyntaxNode, ConsentFinding>();
        AnalyzeBody(root, ConsentState.Empty);

        // Analysing a local function can discover more local functions (declared inside it or inside a lambda).
        for (var i = 0; i < _localFunctions.Count; i++)
        {
            var (symbol, graph) = _localFunctions[i];
            AnalyzeBody(graph, _localFunctionEntry.TryGetValue(symbol, out var entry) ? entry : ConsentState.Unreached);
        }
    }

    private void AnalyzeBody(ControlFlowGraph graph, ulong entryState)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        foreach (var localFunction in graph.LocalFunctions)
        {
            if (!_localFunctions.Any(f => SymbolEqualityComparer.Default.Equals(f.Symbol, localFunction)))
            {
                _localFunctions.Add((localFunction, graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken)));
            }
        }

        var blocks = graph.Blocks;
        var inState = new ulong[blocks.Length];
        var fallOut = new ulong[blocks.Length];
        var conditionalOut = new ulong[blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            inState[i] = fallOut[i] = conditionalOut[i] = ConsentState.Unreached;
        }

        var protectedEntry = blocks.Select(GetProtectedRegionEntry).ToArray();
        for (var changed = true; changed;)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var block in blocks)
            {
                if (!block.IsReachable && block.Kind != BasicBlockKind.Entry)
                {
                    continue;
                }

                var state = Meet(block, entryState, inState, fallOut, conditionalOut, protectedEntry[block.Ordinal]);
                var (fall, conditional) = Transfer(graph, block, state, record: false);
                changed |= state != inState[block.Ordinal] || fall != fallOut[block.Ordinal] || conditional != conditionalOut[block.Ordinal];
                (inState[block.Ordinal], fallOut[block.Ordinal], conditionalOut[block.Ordinal]) = (state, fall, conditional);
            }
        }

        foreach (var block in blocks)
        {
            if (block.IsReachable && inState[block.Ordinal] != ConsentState.Unreached)
            {
                Transfer(graph, block, inState[block.Ordinal], record: true);
            }
        }
    }

    private static ulong Meet(BasicBlock block, ulong entryState, ulong[] inState, ulong[] fallOut, ulong[] conditionalOut, int protectedEntry)
    {
        var state = block.Kind == BasicBlockKind.Entry ? entryState : ConsentState.Unreached;
        foreach (var predecessor in block.Predecessors)
        {
            state &= predecessor.IsConditionalSuccessor ? conditionalOut[predecessor.Source.Ordinal] : fallOut[predecessor.Source.Ordinal];
        }

        // Exceptions carry no edges in the graph: a handler can start anywhere in its try, and facts only grow
        // along a path, so the state at the start of the try is what holds on every way in.
        if (protectedEntry >= 0)
        {
            state &= inState[protectedEntry];
        }

        return state;
    }

    /// <summary>For the first block of a catch, filter or finally region: the first block of its try; otherwise -1.</summary>
    private static int GetProtectedRegionEntry(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler
                or ControlFlowRegionKind.Finally)
            {
                var tryRegion = region.EnclosingRegion;
                while (tryRegion is not null && tryRegion.Kind is not (ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally))
                {
                    tryRegion = tryRegion.EnclosingRegion;
                }

                return tryRegion is null ? -1 : tryRegion.NestedRegions[0].FirstBlockOrdinal;
            }
        }

        return -1;
    }

    private (ulong FallThrough, ulong Conditional) Transfer(ControlFlowGraph graph, BasicBlock block, ulong state, bool record)
    {
        foreach (var operation in block.Operations)
        {
            Visit(graph, operation, ref state, record);
        }

        if (block.BranchValue is not { } branch)
        {
            return (state, state);
        }

        Visit(graph, branch, ref state, record);
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            return (state, state);
        }

        var (whenTrue, whenFalse) = EvaluateCondition(branch);
        return block.ConditionKind == ControlFlowConditionKind.WhenTrue
            ? (state | whenFalse, state | whenTrue)
            : (state | whenTrue, state | whenFalse);
    }

    /// <summary>Walks one operation tree in evaluation order (operands before the operation).</summary>
    private void Visit(ControlFlowGraph graph, IOperation operation, ref ulong state, bool record)
    {
        if (operation is IFlowAnonymousFunctionOperation lambda)
        {
            if (record && state != ConsentState.Unreached)
            {
                AnalyzeBody(graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), state);
            }

            return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Visit(graph, child, ref state, record);
        }

        if (operation.Kind is not (OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.MethodReference or OperationKind.PropertyReference))
        {
            return;
        }

        if (record && state != ConsentState.Unreached && FacialModel.GetTarget(operation) is IMethodSymbol { MethodKind: MethodKind.LocalFunction } localFunction)
        {
            _localFunctionReferences[localFunction] = _localFunctionReferences.TryGetValue(localFunction, out var previous) ? previous & state : state;
        }

        if (record && state != ConsentState.Unreached && _model.ClassifyUse(operation) is { } use)
        {
            Evaluate(use, state | ReceiptArguments(operation));
        }

        if (_model.GetConsentCheck(operation) is { Shape: not ConsentCheckShape.Bool } check)
        {
            state |= _bits.BitOf(check.Purpose);
        }

        if (operation is IInvocationOperation invocation && _model.Symbols.Has(invocation.TargetMethod.OriginalDefinition, _model.Symbols.DoesNotReturn))
        {
            state = ConsentState.Unreached;
        }
    }

    private void Evaluate(FacialUse use, ulong state)
    {
        // A lambda or local function that declares its own purposes, or a local function that moved consent to its callers, is a use site of its own.
        var site = _model.GetSite(use.Operation.Syntax, _semanticModel, _site.Member);
        if (site.ConsentMovedToCallers)
        {
            return;
        }

        var needed = NeededPurposes(use, site);
        var neededBits = _bits.BitsOf(needed);
        var proven = neededBits == ConsentState.Empty
            ? state != ConsentState.Empty
            : (state & (neededBits | ConsentState.AnyPurpose)) != 0;
        if (proven)
        {
            return;
        }

        var neededText = needed.IsEmpty ? "any purpose" : string.Join(" or ", needed.Select(p => "'" + p.Name + "'"));
        var checkedInstead = state == ConsentState.Empty ? null : string.Join(", ", _bits.NamesOf(state));
        _findings[use.Operation.Syntax] = new ConsentFinding(use, neededText, checkedInstead);
    }

    /// <summary>The purposes whose consent the use needs: the site's purposes that allow its method (all of them when none does: FC0005 reports that).</summary>
    private ImmutableArray<ITypeSymbol> NeededPurposes(FacialUse use, UseSite site)
    {
        if (use.Api.Kind == FacialApiKind.RequiresConsent)
        {
            return _model.GetSite(use.Target).Purposes;
        }

        var purposes = site.Purposes;
        var allowing = purposes.Where(p => ProcessingMethods.Allows(_model.Symbols.GetPurposeMethod(p), use.Api.Method)).ToImmutableArray();
        return allowing.IsEmpty ? purposes : allowing;
    }

    /// <summary>Consent proven by receipts passed to the use (not <c>null</c> or <c>default</c> literals).</summary>
    private ulong ReceiptArguments(IOperation operation)
    {
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        var bits = ConsentState.Empty;
        foreach (var argument in arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null } || !_model.Symbols.IsReceiptType(value.Type))
            {
                continue;
            }

            var purposes = _model.GetReceiptPurposes(value.Type!);
            bits |= purposes.IsEmpty ? ConsentState.AnyPurpose : _bits.BitsOf(purposes);
        }

        return bits;
    }

    /// <summary>The purposes proven when a branch value is true, and when it is false.</summary>
    private (ulong WhenTrue, ulong WhenFalse) EvaluateCondition(IOperation condition)
    {
        switch (condition)
        {
            case IConversionOperation conversion:
                return EvaluateCondition(conversion.Operand);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Swap(EvaluateCondition(not.Operand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var (operand, constant) = BoolConstant(binary.RightOperand) is { } right ? (binary.LeftOperand, right)
                    : BoolConstant(binary.LeftOperand) is { } left ? (binary.RightOperand, left)
                    : (null, false);
                if (operand is null)
                {
                    return (ConsentState.Empty, ConsentState.Empty);
                }

                var result = EvaluateCondition(operand);
                return constant == (binary.OperatorKind == BinaryOperatorKind.Equals) ? result : Swap(result);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and:
                var (andLeft, andRight) = (EvaluateCondition(and.LeftOperand), EvaluateCondition(and.RightOperand));
                return (andLeft.WhenTrue | andRight.WhenTrue, andLeft.WhenFalse & andRight.WhenFalse);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or:
                var (orLeft, orRight) = (EvaluateCondition(or.LeftOperand), EvaluateCondition(or.RightOperand));
                return (orLeft.WhenTrue & orRight.WhenTrue, orLeft.WhenFalse | orRight.WhenFalse);
            case IIsPatternOperation isPattern:
                return EvaluatePattern(EvaluateCondition(isPattern.Value), isPattern.Pattern);
            default:
                return _model.GetConsentCheck(condition) is { Shape: ConsentCheckShape.Bool } check
                    ? (_bits.BitOf(check.Purpose), ConsentState.Empty)
                    : (ConsentState.Empty, ConsentState.Empty);
        }
    }

    private static (ulong WhenTrue, ulong WhenFalse) EvaluatePattern((ulong WhenTrue, ulong WhenFalse) value, IPatternOperation pattern) => pattern switch
    {
        INegatedPatternOperation negated => Swap(EvaluatePattern(value, negated.Pattern)),
        IConstantPatternOperation constant when BoolConstant(constant.Value) is { } expected => expected ? value : Swap(value),
        _ => (ConsentState.Empty, ConsentState.Empty),
    };

    private static bool? BoolConstant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;

    private static (ulong, ulong) Swap((ulong WhenTrue, ulong WhenFalse) value) => (value.WhenFalse, value.WhenTrue);
}
