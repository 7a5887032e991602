using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>
/// The face-data flow engine of one compilation (docs/semantics.md, "Face-data flow"): each member is analyzed once,
/// flow-insensitively, and its facts cached; a call of an own method uses the callee's facts as its summary; a field
/// or property is face data when a member of its own type assigns it face data. Shared by FC0013 and FC0014.
/// </summary>
internal sealed class FaceDataFlow
{
    private static readonly ConditionalWeakTable<Compilation, FaceDataFlow> s_flows = new();

    [ThreadStatic]
    private static HashSet<ISymbol>? s_inProgress;

    [ThreadStatic]
    private static bool s_cycleCut;

    /// <summary>The members whose summaries were cut short under the analysis now running on this thread.</summary>
    [ThreadStatic]
    private static HashSet<ISymbol>? s_cutAt;

    /// <summary>How deep summaries of own methods nest before a call is treated as one without a summary.</summary>
    private const int MaxSummaryDepth = 32;

    private readonly ConcurrentDictionary<ISymbol, FaceDataFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<FaceDataOrigin>> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _reachesSink = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImmutableHashSet<ITypeSymbol>> _entityTypes;

    private FaceDataFlow(Compilation compilation, FacialModel model)
    {
        Compilation = compilation;
        Model = model;
        Sinks = FaceDataSinkTable.Create(compilation);
        FaceImage = compilation.GetTypeByMetadataName("FaceCompliance.FaceImage");
        FaceTemplate = compilation.GetTypeByMetadataName("FaceCompliance.FaceTemplate");
        _entityTypes = new Lazy<ImmutableHashSet<ITypeSymbol>>(FindEntityTypes);
    }

    public Compilation Compilation { get; }

    public FacialModel Model { get; }

    public FaceDataSinkTable Sinks { get; }

    public INamedTypeSymbol? FaceImage { get; }

    public INamedTypeSymbol? FaceTemplate { get; }

    public static FaceDataFlow Get(Compilation compilation, FacialModel model) => s_flows.GetValue(compilation, c => new FaceDataFlow(c, model));

    /// <summary>
    /// Runs <paramref name="action"/> with the facts of each member whose operation blocks the analyzer driver hands
    /// over, for its hits: a member from which no sink can be reached (none in it, none in the project's own methods it
    /// calls, transitively) has none and is not analyzed (a caller that needs its summary analyzes it then). Most members
    /// of most projects stop here. Whether the member itself holds a sink, or a call of an own method that reaches one,
    /// is read from the operations the driver walks once for every analyzer (an operation action per call, creation and
    /// property set), not from a walk of its own; the facts are cached, so FC0013 and FC0014 share one analysis.
    /// </summary>
    public void RegisterMemberAction(OperationBlockStartAnalysisContext context, Action<OperationBlockAnalysisContext, FaceDataFacts> action)
    {
        var owner = context.OwningSymbol;
        if (_facts.TryGetValue(owner, out var known))
        {
            context.RegisterOperationBlockEndAction(end => action(end, known));
            return;
        }

        if (_reachesSink.TryGetValue(owner, out var reachesKnown))
        {
            if (reachesKnown)
            {
                context.RegisterOperationBlockEndAction(end => action(end, Analyze(owner, end.OperationBlocks, end.CancellationToken)));
            }

            return;
        }

        var gate = new SinkGate();
        context.RegisterOperationAction(
            operationContext =>
            {
                if (!gate.Reaches && MayReachSink(operationContext.Operation, operationContext.CancellationToken))
                {
                    gate.Reaches = true;
                }
            },
            s_gateKinds);
        context.RegisterOperationBlockEndAction(end =>
        {
            // Exact: the member was not on this thread's stack of members being scanned, so nothing was cut short at it.
            if (_reachesSink.GetOrAdd(owner, gate.Reaches))
            {
                action(end, Analyze(owner, end.OperationBlocks, end.CancellationToken));
            }
        });
    }

    private static readonly ImmutableArray<OperationKind> s_gateKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

    private sealed class SinkGate
    {
        public volatile bool Reaches;
    }

    /// <summary>
    /// The facts of a member whose operation blocks the analyzer driver hands over, for its hits: a member from which no
    /// sink can be reached (none in it, none in the project's own methods it calls, transitively) has none and is not
    /// analyzed (a caller that needs its summary analyzes it then).
    /// </summary>
    public FaceDataFacts Analyze(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (_facts.TryGetValue(owner, out var known))
        {
            return known;
        }

        return ReachesSink(owner, blocks, cancellationToken) ? Compute(owner, () => blocks, cancellationToken) : FaceDataFacts.None;
    }

    private bool ReachesSink(ISymbol member, CancellationToken cancellationToken)
        => _reachesSink.TryGetValue(member, out var known) ? known : ReachesSink(member, ReadBlocks(member, cancellationToken), cancellationToken);

    private bool ReachesSink(ISymbol member, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (_reachesSink.TryGetValue(member, out var known))
        {
            return known;
        }

        var inProgress = s_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(member))
        {
            s_cycleCut = true;
            return false;
        }

        var outerCut = s_cycleCut;
        s_cycleCut = false;
        try
        {
            var reaches = ScanForSinks(blocks, cancellationToken);

            // A "no" that a recursion cut may have caused is not kept: asked again outside the cycle, it may be "yes".
            return reaches || !s_cycleCut ? _reachesSink.GetOrAdd(member, reaches) : false;
        }
        finally
        {
            s_cycleCut |= outerCut;
            inProgress.Remove(member);
        }
    }

    private bool ScanForSinks(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (MayReachSink(operation, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one operation is a sink (not a stop), or a call of an own method from which a sink can be reached.</summary>
    private bool MayReachSink(IOperation operation, CancellationToken cancellationToken)
        => operation switch
        {
            IInvocationOperation invocation => (Sinks.MayBeSink(invocation.TargetMethod)
                    ? Sinks.FindMethod(invocation.TargetMethod, invocation.Instance?.Type ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null))
                    : null) is { } line
                ? line.Kind != FaceDataSinkKind.Stop
                : invocation.TargetMethod.MethodKind != MethodKind.LocalFunction && IsInThisCompilation(invocation.TargetMethod)
                    && ReachesSink(Implementation(invocation.TargetMethod), cancellationToken),
            IObjectCreationOperation { Constructor: { } constructor } => Sinks.FindMethod(constructor, null) is { Kind: not FaceDataSinkKind.Stop },
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => Sinks.FindPropertySet(property.Property, IsEntity) is not null,
            _ => false,
        };

    /// <summary>
    /// Whether a member is declared in this compilation's source: a project reference's members have syntax too, in
    /// another compilation, and are treated as another assembly's.
    /// </summary>
    public bool IsInThisCompilation(ISymbol member)
        => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, Compilation.Assembly) && !member.DeclaringSyntaxReferences.IsEmpty;

    private static ISymbol Implementation(IMethodSymbol method) => method.PartialImplementationPart ?? method.OriginalDefinition;

    /// <summary>
    /// The facts of a member of this compilation, read from its syntax (a callee's summary); null for a member without
    /// a body here (metadata, abstract, interface, extern) and for one whose analysis is under way on this thread (recursion).
    /// </summary>
    public FaceDataFacts? GetFacts(ISymbol member, CancellationToken cancellationToken)
    {
        if (member is IMethodSymbol { PartialImplementationPart: { } implementation })
        {
            member = implementation;
        }

        if (_facts.TryGetValue(member, out var known))
        {
            return known;
        }

        if (!IsInThisCompilation(member))
        {
            return null;
        }

        if (s_inProgress?.Contains(member) == true || s_inProgress?.Count >= MaxSummaryDepth)
        {
            (s_cutAt ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(member);
            return null;
        }

        return Compute(member, () => ReadBlocks(member, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Analyzes a member. Facts computed while a summary was cut short (recursion back into a member still being
    /// analyzed, or nesting past <see cref="MaxSummaryDepth"/>) are cached only by the member where the cut cycle closes:
    /// asked again from elsewhere, a member inside the cycle is analyzed again, so the order of analysis does not decide.
    /// </summary>
    private FaceDataFacts Compute(ISymbol owner, Func<ImmutableArray<IOperation>> blocks, CancellationToken cancellationToken)
    {
        var inProgress = s_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(owner))
        {
            return FaceDataFacts.None;
        }

        var outerCuts = s_cutAt;
        s_cutAt = null;
        try
        {
            var facts = new MemberFaceDataAnalysis(this, owner, blocks(), cancellationToken).Run();
            s_cutAt?.Remove(owner);
            return s_cutAt is null || s_cutAt.Count == 0 ? _facts.GetOrAdd(owner, facts) : facts;
        }
        finally
        {
            inProgress.Remove(owner);
            if (inProgress.Count == 0)
            {
                s_cutAt = null;
            }
            else if (outerCuts is not null)
            {
                if (s_cutAt is not null)
                {
                    outerCuts.UnionWith(s_cutAt);
                }

                s_cutAt = outerCuts;
            }
        }
    }

    private ImmutableArray<IOperation> ReadBlocks(ISymbol member, CancellationToken cancellationToken)
    {
        var blocks = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            // A member of another project seen through a project reference (in the IDE) has syntax outside this
            // compilation: its body is not summarized, as for a member of a metadata reference.
            if (!Compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                continue;
            }

            var node = reference.GetSyntax(cancellationToken);
            if (node is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                node = initializer;
            }
            else if (node is PropertyDeclarationSyntax { Initializer: { } propertyInitializer })
            {
                node = propertyInitializer;
            }

            // A callee's body is read through its own tree's semantic model: summaries need the bodies of the methods a
            // member calls, which the operation-block action of the member does not hand over.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var semanticModel = Compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            if (semanticModel.GetOperation(node, cancellationToken) is { } operation)
            {
                blocks.Add(operation);
            }
        }

        return blocks.ToImmutable();
    }

    /// <summary>
    /// The face origins of a field or property of this compilation: what the members of its own type (every part of a
    /// partial type, its field and property initializers included) assign to it. Writes from other types are not seen.
    /// </summary>
    public ImmutableArray<FaceDataOrigin> ResolveMember(ISymbol member, CancellationToken cancellationToken)
    {
        if (_members.TryGetValue(member, out var known))
        {
            return known;
        }

        var inProgress = s_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(member))
        {
            return ImmutableArray<FaceDataOrigin>.Empty;
        }

        try
        {
            var origins = ImmutableArray<FaceDataOrigin>.Empty;
            foreach (var sibling in member.ContainingType.GetMembers())
            {
                var facts = sibling switch
                {
                    IMethodSymbol method => GetFacts(method, cancellationToken),
                    IFieldSymbol or IPropertySymbol => GetFacts(sibling, cancellationToken),
                    _ => null,
                };
                if (facts is null)
                {
                    continue;
                }

                foreach (var (written, writtenOrigins) in facts.MemberWrites)
                {
                    if (SymbolEqualityComparer.Default.Equals(written, member))
                    {
                        origins = Taint.Union(origins, Resolve(writtenOrigins, cancellationToken));
                    }
                }
            }

            return _members.GetOrAdd(member, origins);
        }
        finally
        {
            inProgress.Remove(member);
        }
    }

    /// <summary>The face origins among <paramref name="origins"/>, with field and property origins resolved; parameter origins dropped.</summary>
    public ImmutableArray<FaceDataOrigin> Resolve(ImmutableArray<FaceDataOrigin> origins, CancellationToken cancellationToken)
    {
        var resolved = ImmutableArray<FaceDataOrigin>.Empty;
        foreach (var origin in origins)
        {
            if (origin.Source == FaceDataSource.Face)
            {
                resolved = Taint.Union(resolved, ImmutableArray.Create(origin));
            }
            else if (origin.Source == FaceDataSource.Field && origin.Symbol is { } member)
            {
                resolved = Taint.Union(resolved, ResolveMember(member, cancellationToken));
            }
        }

        return resolved;
    }

    /// <summary>
    /// The hits of one member at sinks of <paramref name="kind"/> with the face data that reaches each (those
    /// <paramref name="counts"/> accepts), in source order, each face data once: a value that reaches several sinks in one
    /// member (an HttpContent, then the request that sends it) is reported at the first, unless <paramref name="everySink"/>
    /// asks for each sink (a check is needed before every write).
    /// </summary>
    public IEnumerable<(FaceDataHit Hit, ImmutableArray<FaceDataOrigin> Faces)> Reaching(FaceDataFacts facts, FaceDataSinkKind kind,
        Func<FaceDataOrigin, bool> counts, CancellationToken cancellationToken, bool everySink = false)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in facts.Hits.Where(h => h.Sink.Kind == kind).OrderBy(h => h.Operation.Syntax.SpanStart))
        {
            var faces = Resolve(hit.Origins, cancellationToken).Where(counts).ToImmutableArray();
            if (!faces.IsEmpty && (everySink || reported.Add(string.Join("\n", faces.Select(f => f.Description).OrderBy(d => d, StringComparer.Ordinal)))))
            {
                yield return (hit, faces);
            }
        }
    }

    /// <summary>Whether a type is a face type, or an array or collection of one, and which kind of face data it holds.</summary>
    public bool IsFaceType(ITypeSymbol? type, out FaceDataKind kind)
    {
        kind = FaceDataKind.Image;
        for (var depth = 0; type is not null && depth < 3; depth++)
        {
            if (FaceImage is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, FaceImage))
            {
                return true;
            }

            if (FaceTemplate is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, FaceTemplate))
            {
                kind = FaceDataKind.Template;
                return true;
            }

            type = type switch
            {
                IArrayTypeSymbol array => array.ElementType,
                INamedTypeSymbol { TypeArguments.Length: > 0 } generic => generic.TypeArguments.FirstOrDefault(t => IsFaceType(t, out _)),
                _ => null,
            };
        }

        return false;
    }

    /// <summary>Whether setting a property of <paramref name="type"/> writes an EF Core entity: a DbContext of this compilation exposes it as a DbSet.</summary>
    public bool IsEntity(ITypeSymbol type) => Sinks.DbContext is not null && _entityTypes.Value.Contains(type.OriginalDefinition);

    private ImmutableHashSet<ITypeSymbol> FindEntityTypes()
    {
        var entities = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(Compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    stack.Push(container);
                }

                if (member is INamedTypeSymbol type && DerivesFrom(type, Sinks.DbContext))
                {
                    foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                    {
                        if (property.Type is INamedTypeSymbol { Name: "DbSet", TypeArguments.Length: 1 } set
                            && set.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore")
                        {
                            entities.Add(set.TypeArguments[0].OriginalDefinition);
                        }
                    }
                }
            }
        }

        return entities.ToImmutable();
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
