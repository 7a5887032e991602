using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// Proves that consent is checked on every control-flow path before each facial-data use of one member's body:
/// a must-analysis over the Roslyn <see cref="ControlFlowGraph"/> solved by iteration to a fixed point. The state
/// (<see cref="FlowState"/>) holds the requirements met on every path, so two paths that check two different purposes,
/// both allowing a use, meet its requirement. Lambdas start with the state where they are created; local functions, and
/// lambdas only ever called through one local, with the meet of the states at every call. docs/semantics.md
/// ("Flow analysis") states each decision.
/// </summary>
internal sealed class ConsentFlowAnalysis
{
    private const int MaxLocalFunctionRounds = 8;

    private readonly FacialModel _model;
    private readonly UseSite _site;
    private readonly ConsentBodyScan _scan;
    private readonly ConsentConditions _conditions;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IMethodSymbol, FlowState> _deferredEntry = new(SymbolEqualityComparer.Default);
    private Dictionary<IMethodSymbol, FlowState> _deferredCalls = new(SymbolEqualityComparer.Default);
    private List<DeferredBody> _deferred = new();
    private readonly IReadOnlyDictionary<SyntaxNode, ConsentProbe> _probes;
    private Dictionary<(SyntaxNode Use, ConsentFindingKind Kind), ConsentFinding> _findings = new();
    private Dictionary<SyntaxNode, string?> _probeResults = new();
    private List<(int Position, string Text)> _notes = new();

    private ConsentFlowAnalysis(FacialModel model, UseSite site, ConsentBodyScan scan, IReadOnlyDictionary<SyntaxNode, ConsentProbe> probes, CancellationToken cancellationToken)
    {
        _model = model;
        _site = site;
        _scan = scan;
        _probes = probes;
        _conditions = new ConsentConditions(model, scan);
        _cancellationToken = cancellationToken;
    }

    public static IEnumerable<ConsentFinding> Run(FacialModel model, UseSite site, ControlFlowGraph graph, CancellationToken cancellationToken)
        => Solve(model, site, graph, new Dictionary<SyntaxNode, ConsentProbe>(), cancellationToken)._findings.Values;

    /// <summary>
    /// Asks, at operations that are not facial-data uses (a raw face image written to a file: FC0014), whether a
    /// requirement holds on every path before them, with the same analysis as the uses. Returns, per probed syntax,
    /// null when it holds, otherwise why not ("" when there is nothing more to say). A probe the graph does not
    /// contain (its operation was rewritten away) is reported as not holding.
    /// </summary>
    public static IReadOnlyDictionary<SyntaxNode, string?> Probe(FacialModel model, UseSite site, ControlFlowGraph graph,
        IReadOnlyDictionary<SyntaxNode, ConsentProbe> probes, CancellationToken cancellationToken)
    {
        var results = Solve(model, site, graph, probes, cancellationToken)._probeResults;
        return probes.Keys.ToDictionary(syntax => syntax, syntax => results.TryGetValue(syntax, out var result)
            ? result
            : "the analysis did not find this operation in the control-flow graph, so it cannot prove a check before it");
    }

    private static ConsentFlowAnalysis Solve(FacialModel model, UseSite site, ControlFlowGraph graph, IReadOnlyDictionary<SyntaxNode, ConsentProbe> probes, CancellationToken cancellationToken)
    {
        var scan = ConsentBodyScan.Run(model, site, graph.OriginalOperation, probes.Values.Select(p => p.Requirement));
        var analysis = new ConsentFlowAnalysis(model, site, scan, probes, cancellationToken);
        for (var round = 0; ; round++)
        {
            analysis.RunRound(graph);
            var next = new Dictionary<IMethodSymbol, FlowState>(SymbolEqualityComparer.Default);
            foreach (var body in analysis._deferred)
            {
                // A local function nobody calls starts with nothing; one that never settles, too.
                next[body.Symbol] = round < MaxLocalFunctionRounds && analysis._deferredCalls.TryGetValue(body.Symbol, out var state)
                    ? state.WithoutValues()
                    : FlowState.Start;
            }

            if (next.All(pair => analysis._deferredEntry.TryGetValue(pair.Key, out var old) && old.Equals(pair.Value)))
            {
                return analysis;
            }

            foreach (var pair in next)
            {
                analysis._deferredEntry[pair.Key] = pair.Value;
            }
        }
    }

    private void RunRound(ControlFlowGraph root)
    {
        _deferredCalls = new Dictionary<IMethodSymbol, FlowState>(SymbolEqualityComparer.Default);
        _deferred = new List<DeferredBody>();
        _findings = new Dictionary<(SyntaxNode, ConsentFindingKind), ConsentFinding>();
        _probeResults = new Dictionary<SyntaxNode, string?>();
        _notes = new List<(int, string)>();
        AnalyzeBody(root, FlowState.Start, bodyReason: null);

        // Analysing a body can discover more deferred bodies (a local function declared inside a lambda).
        for (var i = 0; i < _deferred.Count; i++)
        {
            var body = _deferred[i];
            AnalyzeBody(body.Graph, _deferredEntry.TryGetValue(body.Symbol, out var entry) ? entry : FlowState.Unreached, body.Reason);
        }
    }

    private void Defer(IMethodSymbol symbol, ControlFlowGraph graph, string reason)
    {
        if (!_deferred.Any(body => SymbolEqualityComparer.Default.Equals(body.Symbol, symbol)))
        {
            _deferred.Add(new DeferredBody(symbol, graph, reason));
        }
    }

    private void AnalyzeBody(ControlFlowGraph graph, FlowState entryState, string? bodyReason)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        foreach (var localFunction in graph.LocalFunctions)
        {
            Defer(localFunction, graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken),
                $"it is in the local function '{localFunction.Name}', which starts with the consent that holds at every call of it");
        }

        var blocks = graph.Blocks;
        var inState = new FlowState[blocks.Length];
        var fallOut = new FlowState[blocks.Length];
        var conditionalOut = new FlowState[blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            inState[i] = fallOut[i] = conditionalOut[i] = FlowState.Unreached;
        }

        var handlerTryStart = blocks.Select(GetHandlerTryStart).ToArray();
        var laterReads = blocks.Select(block => LaterReads(block, handlerTryStart[block.Ordinal])).ToArray();
        var changedInSweep = new bool[blocks.Length];
        for (var again = true; again;)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            System.Array.Clear(changedInSweep, 0, changedInSweep.Length);
            foreach (var block in blocks)
            {
                if (!block.IsReachable && block.Kind != BasicBlockKind.Entry)
                {
                    continue;
                }

                var state = Meet(block, entryState, inState, fallOut, conditionalOut, handlerTryStart[block.Ordinal]);
                var (fall, conditional) = Transfer(graph, block, state, record: null);
                changedInSweep[block.Ordinal] = !state.Equals(inState[block.Ordinal]) || !fall.Equals(fallOut[block.Ordinal]) || !conditional.Equals(conditionalOut[block.Ordinal]);
                (inState[block.Ordinal], fallOut[block.Ordinal], conditionalOut[block.Ordinal]) = (state, fall, conditional);
            }

            // A block met the states of blocks before it as this sweep left them; another sweep changes nothing unless
            // a block it read before they were swept (a loop's back edge, a finally further on) changed in this one.
            // (Sweeping until nothing changed cost one more sweep over every body, loop-free ones too.)
            again = false;
            for (var i = 0; i < blocks.Length && !again; i++)
            {
                if (!blocks[i].IsReachable && blocks[i].Kind != BasicBlockKind.Entry)
                {
                    continue;
                }

                foreach (var source in laterReads[i])
                {
                    if (changedInSweep[source])
                    {
                        again = true;
                        break;
                    }
                }
            }
        }

        foreach (var block in blocks)
        {
            if (block.IsReachable && !inState[block.Ordinal].IsUnreached)
            {
                Transfer(graph, block, inState[block.Ordinal], record: bodyReason ?? string.Empty);
            }
        }
    }

    private static FlowState Meet(BasicBlock block, FlowState entryState, FlowState[] inState, FlowState[] fallOut, FlowState[] conditionalOut, int handlerTryStart)
    {
        var state = block.Kind == BasicBlockKind.Entry ? entryState : FlowState.Unreached;
        foreach (var predecessor in block.Predecessors)
        {
            var edge = predecessor.IsConditionalSuccessor ? conditionalOut[predecessor.Source.Ordinal] : fallOut[predecessor.Source.Ordinal];

            // A finally the branch leaves through runs before its destination: its checks hold there too.
            foreach (var @finally in predecessor.FinallyRegions)
            {
                edge = edge.With(fallOut[@finally.LastBlockOrdinal].Met);
            }

            state = FlowState.Meet(state, edge);
        }

        // Exceptions carry no edges in the graph: a handler can start anywhere in its try, and requirements only grow
        // along a path, so those met at the start of the try are what holds on every way in. Locals may have changed
        // anywhere in the try: their values are not followed into the handler.
        if (handlerTryStart >= 0)
        {
            state = FlowState.Meet(state, inState[handlerTryStart]).WithoutValues();
        }

        return state;
    }

    /// <summary>The blocks whose states <see cref="Meet"/> reads for <paramref name="block"/> that a sweep in order of ordinals reaches at or after it.</summary>
    private static int[] LaterReads(BasicBlock block, int handlerTryStart)
    {
        var reads = new List<int>();
        foreach (var predecessor in block.Predecessors)
        {
            if (predecessor.Source.Ordinal >= block.Ordinal)
            {
                reads.Add(predecessor.Source.Ordinal);
            }

            foreach (var @finally in predecessor.FinallyRegions)
            {
                if (@finally.LastBlockOrdinal >= block.Ordinal)
                {
                    reads.Add(@finally.LastBlockOrdinal);
                }
            }
        }

        if (handlerTryStart >= block.Ordinal)
        {
            reads.Add(handlerTryStart);
        }

        return reads.ToArray();
    }

    /// <summary>
    /// For the first block of a catch (without a filter), filter or finally region: the first block of its try;
    /// otherwise -1. A catch with a filter is entered from its filter, which the graph links to it.
    /// </summary>
    private static int GetHandlerTryStart(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            var isHandler = region.Kind is ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally
                || (region.Kind == ControlFlowRegionKind.Catch && region.EnclosingRegion?.Kind != ControlFlowRegionKind.FilterAndHandler);
            if (isHandler)
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

    /// <param name="record">Null while solving; when recording findings, the reason that applies to the whole body ("" for none).</param>
    private (FlowState FallThrough, FlowState Conditional) Transfer(ControlFlowGraph graph, BasicBlock block, FlowState state, string? record)
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
        if (block.ConditionKind == ControlFlowConditionKind.None || state.IsUnreached)
        {
            return (state, state);
        }

        var facts = _scan.ConditionalCallAround(branch.Syntax) is null ? Evaluate(branch, state, record) : ValueFacts.None;
        return block.ConditionKind == ControlFlowConditionKind.WhenTrue
            ? (state.With(facts.WhenFalse), state.With(facts.WhenTrue))
            : (state.With(facts.WhenTrue), state.With(facts.WhenFalse));
    }

    private ValueFacts Evaluate(IOperation value, FlowState state, string? record)
    {
        _conditions.OnLocalNotFollowed = record is null ? null : (reference, why) =>
            Note(reference, $"'{reference.Syntax}' holds a consent check's result, but the analysis does not follow it because {why}, so testing it proves nothing");
        return _conditions.Evaluate(value, state);
    }

    /// <summary>Walks one operation tree in evaluation order (operands before the operation).</summary>
    private void Visit(ControlFlowGraph graph, IOperation operation, ref FlowState state, string? record)
    {
        if (operation is IFlowAnonymousFunctionOperation lambda)
        {
            if (_scan.LocalCalling(lambda.Symbol) is { } local)
            {
                Defer(lambda.Symbol, graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken),
                    $"it is in the lambda stored in '{local.Name}', which starts with the consent that holds at every call of it");
            }
            else if (record is not null && !state.IsUnreached)
            {
                var line = lambda.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                AnalyzeBody(graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), state.WithoutValues(),
                    $"it is in a lambda created on line {line}, and a lambda starts with the consent that holds where it is created, since it may be stored or passed on and run later");
            }

            return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Visit(graph, child, ref state, record);
        }

        if (state.IsUnreached)
        {
            return;
        }

        if (record is not null && _probes.TryGetValue(operation.Syntax, out var probe) && probe.Kind == operation.Kind)
        {
            var reasons = Reasons(operation.Syntax.SpanStart, record);
            _probeResults[operation.Syntax] = IsMet(probe.Requirement, state, reasons) ? null : Join(reasons) ?? string.Empty;
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation { Local: var local } } assignment when _scan.IsFollowed(local):
                state = state.WithValue(local, Evaluate(assignment.Value, state, record));
                return;
            case IFlowCaptureOperation capture:
                state = state.WithValue(capture.Id, Evaluate(capture.Value, state, record));
                return;
            case IPatternOperation pattern when DeclaredLocal(pattern) is { } declared:
                // A pattern that declares a local writes it: whatever the local proved before is gone.
                state = state.WithValue(declared, ValueFacts.None);
                return;
            case IAwaitOperation await when _conditions.AwaitedCheck(await) is { } awaited:
                ApplyCheck(await, awaited, ref state, record);
                return;
        }

        if (!FacialModel.UseKinds.Contains(operation.Kind))
        {
            return;
        }

        var target = FacialModel.GetTarget(operation);
        if (record is not null && target is IMethodSymbol { MethodKind: MethodKind.LocalFunction } localFunction)
        {
            NoteCall(localFunction, state);
        }

        if (record is not null && operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: ILocalReferenceOperation { Local: var delegateLocal } }
            && _scan.LambdaCalledThrough(delegateLocal) is { } calledLambda)
        {
            NoteCall(calledLambda, state);
        }

        if (record is not null && _model.ClassifyUse(operation) is { } use)
        {
            JudgeUse(use, state.With(ReceiptArguments(operation)), record);
        }


        if (_model.GetConsentCheck(operation) is { } check)
        {
            if (record is not null && check.Purpose is { } checkedPurpose
                && ConsentRequirement.IsConsentBased(checkedPurpose, _model.Symbols) != (check.Kind == ConsentCheckKind.Consent))
            {
                Note(operation, check.Kind == ConsentCheckKind.Consent
                    ? $"'{check.DisplayName}' is a consent check, but '{checkedPurpose.Name}' declares the legal basis {LawValues.Name(LawValues.BasisNames, _model.Symbols.GetPurposeLegalBasis(checkedPurpose))}, which a [FacialBasisCheck] of its signed basis grant proves (or declare LegalBasis = FacialLegalBasis.Consent)"
                    : $"'{check.DisplayName}' is a basis check, but '{checkedPurpose.Name}' is based on consent, which a [FacialConsentCheck] proves");
            }

            ApplyCheck(operation, check, ref state, record);
        }

        if (operation is IInvocationOperation invocation && _scan.ConditionalCallAround(operation.Syntax) is null)
        {
            if (_model.Symbols.Has(invocation.TargetMethod.OriginalDefinition, _model.Symbols.DoesNotReturn))
            {
                state = FlowState.Unreached;
                return;
            }

            ApplyDoesNotReturnIf(invocation, ref state, record);
        }
    }

    /// <summary>A check that throws, or returns a receipt, proves its purpose once it returns (a task-returning one once awaited).</summary>
    private void ApplyCheck(IOperation operation, ConsentCheck check, ref FlowState state, string? record)
    {
        if (_scan.ConditionalCallAround(operation.Syntax) is { } conditional)
        {
            if (record is not null)
            {
                Note(operation, $"'{check.DisplayName}' is inside a call to '{conditional.ContainingType.Name}.{conditional.Name}', which is [Conditional] and compiled only where its symbol is defined (not in Release builds), so it proves nothing");
            }

            return;
        }

        var awaited = operation is IAwaitOperation;
        if (check.ReturnsTask && !awaited)
        {
            if (record is not null && !IsAwaited(operation))
            {
                Note(operation, $"'{check.DisplayName}' returns a task that is not awaited where it is called, so it proves nothing");
            }

            return;
        }

        if (check.Shape is ConsentCheckShape.Throws or ConsentCheckShape.Receipt)
        {
            state = state.With(_scan.Requirements.MetBy(check.Facts));
        }
        else if (record is not null && IsDiscarded(operation))
        {
            Note(operation, $"the result of '{check.DisplayName}' is discarded, so it proves nothing");
        }
    }

    /// <summary><c>[DoesNotReturnIf(false)] bool condition</c>: the call returns only where the argument was true.</summary>
    private void ApplyDoesNotReturnIf(IInvocationOperation invocation, ref FlowState state, string? record)
    {
        if (invocation.TargetMethod.IsConditional)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            foreach (var attribute in argument.Parameter?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
            {
                if (attribute.AttributeClass is { Name: "DoesNotReturnIfAttribute" } attributeClass
                    && attributeClass.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis"
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is bool stopsIf)
                {
                    var facts = Evaluate(argument.Value, state, record);
                    state = state.With(stopsIf ? facts.WhenFalse : facts.WhenTrue);
                }
            }
        }
    }

    private void NoteCall(IMethodSymbol deferred, FlowState state)
        => _deferredCalls[deferred] = _deferredCalls.TryGetValue(deferred, out var previous) ? FlowState.Meet(previous, state) : state;

    private void Note(IOperation operation, string text) => _notes.Add((operation.Syntax.SpanStart, text));

    private void JudgeUse(FacialUse use, FlowState state, string bodyReason)
    {
        var site = _scan.SiteOf(use);
        if (site.IsWrapper)
        {
            // A local function marked [ProcessesFacialData]: its calls carry the rules.
            return;
        }

        var ownSite = SymbolEqualityComparer.Default.Equals(site.Member, _site.Member);
        var requirement = ConsentRequirement.For(use, site, _model);
        var bit = _scan.Requirements.BitOf(requirement);
        var purposelessLayer = ownSite && site.RequiresConsent && site.Purposes.IsEmpty;
        var reasons = Reasons(use.Operation.Syntax.SpanStart, bodyReason);

        // [RequiresFacialConsent] (on the member, or on a local function whose calls are seen) moves to the callers the
        // checks that make the use lawful and the guardian's consent, which they are asked for by purpose; not the
        // separate consents a use inside needs: the callers cannot see that it transfers, so those are judged here.
        var lawfulnessMoved = site.RequiresConsent && (!ownSite || !site.Purposes.IsEmpty);
        if (!lawfulnessMoved && (state.Met & bit) == 0 && !(purposelessLayer && requirement.Equals(ConsentRequirement.AnyPurpose)))
        {
            string? checkedInstead = null;
            if ((state.Met & RequirementIndex.AnyPurposeBit) != 0)
            {
                var purposes = _scan.Requirements.PurposesIn(state.Met);
                checkedInstead = purposes.IsEmpty ? "another purpose" : string.Join(", ", purposes.Select(p => "'" + p.Name + "'"));
            }

            if (purposelessLayer)
            {
                reasons.Add($"'{site.Member.Name}' moves consent to its callers with [RequiresFacialConsent] but declares no purpose, so they cannot know which consent this call needs: declare it with [UsesFacialData<T>], or check consent here");
            }

            if (bit == 0)
            {
                reasons.Add("the body has more distinct consent requirements than the analysis follows (62)");
            }

            AddFinding(new ConsentFinding(ConsentFindingKind.NotLawful, use, requirement.ToString(), checkedInstead, Join(reasons), requirement.NeedsBasisCheck(_model.Symbols)));
            return;
        }

        // Lawful on every path, or moved to the callers: a purposeless layer's callers are asked for their own purposes.
        if (!lawfulnessMoved && !purposelessLayer && requirement.WithGuardian(_model.Symbols) is { } guardian && !IsMet(guardian, state, reasons))
        {
            AddFinding(new ConsentFinding(ConsentFindingKind.NoGuardian, use, guardian.ToString(), null, Join(reasons)));
        }

        if (ConsentScopeDemands.Of(_model, use, requirement) is { } demand)
        {
            var scoped = requirement.WithScopes(demand.Scopes);
            if (!IsMet(scoped, state, reasons))
            {
                AddFinding(new ConsentFinding(ConsentFindingKind.MissingScopes, use, scoped.ToString(), null, Join(reasons), demand: demand));
            }
        }
    }

    /// <summary>Whether <paramref name="requirement"/> holds in <paramref name="state"/>; one that got no bit never does, and the reasons say why.</summary>
    private bool IsMet(ConsentRequirement requirement, FlowState state, List<string> reasons)
    {
        var bit = _scan.Requirements.BitOf(requirement);
        if (bit == 0)
        {
            reasons.Add("the body has more distinct consent requirements than the analysis follows (62)");
        }

        return (state.Met & bit) != 0;
    }

    private List<string> Reasons(int position, string bodyReason)
    {
        var reasons = new List<string>();
        if (_notes.Where(n => n.Position < position).OrderBy(n => n.Position).LastOrDefault().Text is { } note)
        {
            reasons.Add(note);
        }

        if (bodyReason.Length > 0)
        {
            reasons.Add(bodyReason);
        }

        return reasons;
    }

    private static string? Join(List<string> reasons) => reasons.Count == 0 ? null : string.Join("; ", reasons);

    private void AddFinding(ConsentFinding finding) => _findings[(finding.Use.Operation.Syntax, finding.Kind)] = finding;

    /// <summary>Consent proven by receipts passed to the use (not <c>null</c> or <c>default</c> literals).</summary>
    private ulong ReceiptArguments(IOperation operation)
    {
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        var bits = 0UL;
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
            if (purposes.IsEmpty)
            {
                bits |= _scan.Requirements.MetBy(CheckFacts.Receipt(null));
            }

            foreach (var purpose in purposes)
            {
                bits |= _scan.Requirements.MetBy(CheckFacts.Receipt(purpose));
            }
        }

        return bits;
    }

    private static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
        IListPatternOperation list => list.DeclaredSymbol,
        _ => null,
    } as ILocalSymbol;

    private static bool IsAwaited(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
        {
            parent = parent.Parent;
        }

        return parent is IAwaitOperation;
    }

    private static bool IsDiscarded(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IExpressionStatementOperation || parent is ISimpleAssignmentOperation { Target: IDiscardOperation };
    }

    private sealed class DeferredBody
    {
        public DeferredBody(IMethodSymbol symbol, ControlFlowGraph graph, string reason)
        {
            Symbol = symbol;
            Graph = graph;
            Reason = reason;
        }

        public IMethodSymbol Symbol { get; }

        public ControlFlowGraph Graph { get; }

        public string Reason { get; }
    }
}

/// <summary>A requirement asked at one operation that is not a use (<see cref="ConsentFlowAnalysis.Probe"/>): its kind tells it from operations of the same syntax.</summary>
internal sealed class ConsentProbe
{
    public ConsentProbe(OperationKind kind, ConsentRequirement requirement)
    {
        Kind = kind;
        Requirement = requirement;
    }

    public OperationKind Kind { get; }

    public ConsentRequirement Requirement { get; }
}
