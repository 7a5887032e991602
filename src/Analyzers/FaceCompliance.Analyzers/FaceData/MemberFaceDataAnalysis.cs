using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>
/// The face-data flow of one member (its lambdas and local functions included), flow-insensitive: a local, parameter,
/// field or property is face data in the whole member once any assignment in it gives it face data. The assignments
/// are replayed until nothing changes (a few rounds; bounded).
/// </summary>
internal sealed class MemberFaceDataAnalysis
{
    private const int MaxRounds = 10;
    private const int MaxDescriptionLength = 40;

    private static readonly ImmutableArray<FaceDataOrigin> s_none = ImmutableArray<FaceDataOrigin>.Empty;

    private readonly FaceDataFlow _flow;
    private readonly ISymbol _owner;
    private readonly ImmutableArray<IOperation> _blocks;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, ImmutableArray<FaceDataOrigin>> _values = new(SymbolEqualityComparer.Default);
    private List<(ISymbol Member, ImmutableArray<FaceDataOrigin> Origins)>? _memberWrites;
    private bool _changed;

    public MemberFaceDataAnalysis(FaceDataFlow flow, ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        _flow = flow;
        _owner = owner;
        _blocks = blocks;
        _cancellationToken = cancellationToken;
    }

    public FaceDataFacts Run()
    {
        var operations = _blocks.SelectMany(b => b.DescendantsAndSelf()).ToList();
        foreach (var operation in operations)
        {
            SeedMadeFrom(operation);
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            _changed = false;
            foreach (var operation in operations)
            {
                Propagate(operation);
            }

            if (!_changed)
            {
                break;
            }
        }

        // The final pass records what the member writes to fields and properties, returns, and passes to sinks.
        _memberWrites = new List<(ISymbol, ImmutableArray<FaceDataOrigin>)>();
        foreach (var operation in operations)
        {
            Propagate(operation);
        }

        var returned = s_none;
        var hits = ImmutableArray.CreateBuilder<FaceDataHit>();
        var parameterSinks = ImmutableArray.CreateBuilder<FaceDataParameterSink>();
        foreach (var operation in operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (operation is IReturnOperation { ReturnedValue: { } value } && IsOwnBody(operation))
            {
                returned = Taint.Union(returned, Evaluate(value));
            }

            FindSinks(operation, hits, parameterSinks);
        }

        return new FaceDataFacts(hits.ToImmutable(), returned, parameterSinks.ToImmutable(), _memberWrites.ToImmutableArray());
    }

    /// <summary><c>FaceImage.FromRgb24(frame, ...)</c> and <c>new FaceTemplate(values)</c> make their source buffer face data in the whole member.</summary>
    private void SeedMadeFrom(IOperation operation)
    {
        var (source, kind) = operation switch
        {
            IInvocationOperation { TargetMethod.Name: "FromRgb24", Arguments.Length: > 0 } invocation
                when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _flow.FaceImage)
                => (invocation.Arguments[0].Value, FaceDataKind.Image),
            IObjectCreationOperation { Arguments.Length: > 0 } creation
                when SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, _flow.FaceTemplate)
                => (creation.Arguments[0].Value, FaceDataKind.Template),
            _ => (null, FaceDataKind.Image),
        };
        if (source is not null)
        {
            AssignRoot(source, ImmutableArray.Create(FaceDataOrigin.Face(kind, Describe(source))));
        }
    }

    private void Propagate(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Assign(declarator.Symbol, Evaluate(initializer.Value));
                break;
            case IAssignmentOperation assignment:
                AssignTo(assignment.Target, Evaluate(assignment.Value));
                break;
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    Assign(field, Evaluate(fieldInitializer.Value));
                }

                break;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    Assign(property, Evaluate(propertyInitializer.Value));
                }

                break;
            case IForEachLoopOperation loop:
                var elements = Evaluate(loop.Collection);
                foreach (var local in loop.Locals)
                {
                    Assign(local, elements);
                }

                break;
            case IIsPatternOperation pattern:
                var matched = Evaluate(pattern.Value);
                foreach (var declaration in pattern.Pattern.DescendantsAndSelf().OfType<IDeclarationPatternOperation>())
                {
                    if (declaration.DeclaredSymbol is { } declared)
                    {
                        Assign(declared, matched);
                    }
                }

                break;
            case IInvocationOperation invocation:
                PropagateCall(invocation);
                break;
        }
    }

    /// <summary>
    /// A local function's parameters take what its calls pass. A call of another assembly's member (not a processing
    /// API, not a stop) that is given face data makes its receiver and its mutable or <c>ref</c>/<c>out</c> arguments
    /// face data: <c>list.Add(t)</c>, <c>stream.Write(pixels)</c>, <c>Array.Copy(pixels, copy, n)</c>, <c>span.CopyTo(copy)</c>.
    /// </summary>
    private void PropagateCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    Assign(parameter.OriginalDefinition, Evaluate(argument.Value));
                }
            }

            return;
        }

        var line = FindSink(invocation);
        if (line is null && IsOwnWithBody(method) || line?.Kind == FaceDataSinkKind.Stop || IsProcessing(invocation))
        {
            return;
        }

        var given = Evaluate(invocation.Instance);
        foreach (var argument in invocation.Arguments)
        {
            given = Taint.Union(given, Evaluate(argument.Value));
        }

        if (given.IsEmpty)
        {
            return;
        }

        if (invocation.Instance is { } instance && IsMutable(instance.Type))
        {
            AssignRoot(instance, given);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out || IsMutable(argument.Value.Type))
            {
                AssignRoot(argument.Value, given);
            }
        }
    }

    private void FindSinks(IOperation operation, ImmutableArray<FaceDataHit>.Builder hits, ImmutableArray<FaceDataParameterSink>.Builder parameterSinks)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                if (FindSink(invocation) is { } line)
                {
                    if (line.Kind == FaceDataSinkKind.Stop)
                    {
                        break;
                    }

                    var given = s_none;
                    foreach (var argument in invocation.Arguments)
                    {
                        given = Taint.Union(given, Evaluate(argument.Value));
                    }

                    var sinkName = line.Calls ? invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name : line.DisplayName;
                    Record(operation, line, sinkName, null, given, hits, parameterSinks);
                }
                else if (IsOwnWithBody(invocation.TargetMethod) && _flow.GetFacts(invocation.TargetMethod, _cancellationToken) is { } callee)
                {
                    foreach (var sink in callee.ParameterSinks)
                    {
                        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == sink.Ordinal);
                        if (argument is not null)
                        {
                            Record(operation, sink.Sink, sink.SinkName, invocation.TargetMethod.ContainingType.GetWrittenName() + "." + invocation.TargetMethod.GetWrittenName(),
                                Evaluate(argument.Value), hits, parameterSinks);
                        }
                    }
                }

                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation
                when _flow.Sinks.FindMethod(constructor, null) is { Kind: not FaceDataSinkKind.Stop } creationLine:
                Record(operation, creationLine, creationLine.DisplayName, null, EvaluateChildren(creation), hits, parameterSinks);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                when _flow.Sinks.FindPropertySet(property.Property, _flow.IsEntity) is { Kind: not FaceDataSinkKind.Stop } propertyLine:
                Record(operation, propertyLine, propertyLine.IdKind == 'P' ? propertyLine.DisplayName : property.Property.ContainingType.Name + "." + property.Property.Name, null, Evaluate(assignment.Value), hits, parameterSinks);
                break;
        }
    }

    private void Record(IOperation operation, FaceDataSinkLine sink, string sinkName, string? via, ImmutableArray<FaceDataOrigin> given,
        ImmutableArray<FaceDataHit>.Builder hits, ImmutableArray<FaceDataParameterSink>.Builder parameterSinks)
    {
        var reaching = given.Where(o => o.Source != FaceDataSource.Parameter).ToImmutableArray();
        if (!reaching.IsEmpty)
        {
            hits.Add(new FaceDataHit(operation, sink, sinkName, via, reaching));
        }

        foreach (var origin in given)
        {
            if (origin.Source == FaceDataSource.Parameter && origin.Symbol is IParameterSymbol parameter
                && !parameterSinks.Any(p => p.Ordinal == parameter.Ordinal && ReferenceEquals(p.Sink, sink)))
            {
                parameterSinks.Add(new FaceDataParameterSink(parameter.Ordinal, sink, sinkName));
            }
        }
    }

    /// <summary>What a value carries: its origins, empty when it is not face data.</summary>
    private ImmutableArray<FaceDataOrigin> Evaluate(IOperation? operation)
    {
        if (operation is null)
        {
            return s_none;
        }

        if (_flow.IsFaceType(operation.Type, out var kind) && operation is not IInstanceReferenceOperation)
        {
            return ImmutableArray.Create(FaceDataOrigin.Face(kind, Describe(operation)));
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return Get(local.Local);
            case IParameterReferenceOperation parameter:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _owner)
                    ? Taint.Union(Get(parameter.Parameter), ImmutableArray.Create(new FaceDataOrigin(FaceDataSource.Parameter, FaceDataKind.Image, parameter.Parameter.Name, parameter.Parameter)))
                    : Get(parameter.Parameter.OriginalDefinition);
            case IFieldReferenceOperation field:
                return field.Field.IsConst ? s_none : Taint.Union(Get(field.Field.OriginalDefinition), MemberOrigin(field.Field));
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property);
            case IInvocationOperation invocation:
                return EvaluateCall(invocation);
            case IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalFunctionOperation or ILiteralOperation or IDefaultValueOperation
                or ITypeOfOperation or INameOfOperation or ISizeOfOperation or IIsTypeOperation or IIsPatternOperation or IInstanceReferenceOperation:
                return s_none;
            case IBinaryOperation binary when binary.Type?.SpecialType == SpecialType.System_Boolean:
                return s_none;
            default:
                return EvaluateChildren(operation);
        }
    }

    private ImmutableArray<FaceDataOrigin> EvaluateChildren(IOperation operation)
    {
        var origins = s_none;
        foreach (var child in operation.ChildOperations)
        {
            origins = Taint.Union(origins, Evaluate(child));
        }

        return origins;
    }

    private ImmutableArray<FaceDataOrigin> EvaluateProperty(IPropertyReferenceOperation reference)
    {
        if (IsProcessing(reference))
        {
            return ImmutableArray.Create(FaceDataOrigin.Face(FaceDataKind.Result, Describe(reference)));
        }

        var property = reference.Property.OriginalDefinition;
        if (!property.IsIndexer && _flow.IsInThisCompilation(property))
        {
            var origins = Taint.Union(Get(property), MemberOrigin(property));
            return property.GetMethod is { } getter && _flow.GetFacts(getter, _cancellationToken) is { } facts
                ? Taint.Union(origins, Substitute(facts.Returned, reference.Arguments))
                : origins;
        }

        var derived = Evaluate(reference.Instance);
        foreach (var argument in reference.Arguments)
        {
            derived = Taint.Union(derived, Evaluate(argument.Value));
        }

        return !property.IsIndexer && IsScalar(reference.Type) ? s_none : derived;
    }

    private ImmutableArray<FaceDataOrigin> EvaluateCall(IInvocationOperation invocation)
    {
        if (IsProcessing(invocation))
        {
            return ImmutableArray.Create(FaceDataOrigin.Face(FaceDataKind.Result, Describe(invocation)));
        }

        var line = FindSink(invocation);
        if (line?.Kind == FaceDataSinkKind.Stop)
        {
            return s_none;
        }

        var method = invocation.TargetMethod;
        if (line is null && IsOwnWithBody(method))
        {
            var facts = _flow.GetFacts(method, _cancellationToken);
            return facts is null ? s_none : Substitute(facts.Returned, invocation.Arguments);
        }

        var derived = Evaluate(invocation.Instance);
        foreach (var argument in invocation.Arguments)
        {
            derived = Taint.Union(derived, Evaluate(argument.Value));
        }

        return IsScalar(invocation.Type) ? s_none : derived;
    }

    /// <summary>A callee's returned origins at one call: its parameters replaced by what the call passes.</summary>
    private ImmutableArray<FaceDataOrigin> Substitute(ImmutableArray<FaceDataOrigin> returned, ImmutableArray<IArgumentOperation> arguments)
    {
        var origins = s_none;
        foreach (var origin in returned)
        {
            if (origin.Source != FaceDataSource.Parameter)
            {
                origins = Taint.Union(origins, ImmutableArray.Create(origin));
            }
            else if (origin.Symbol is IParameterSymbol parameter && arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal) is { } argument)
            {
                origins = Taint.Union(origins, Evaluate(argument.Value));
            }
        }

        return origins;
    }

    private void AssignTo(IOperation target, ImmutableArray<FaceDataOrigin> origins)
    {
        switch (target)
        {
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AssignTo(element, origins);
                }

                break;
            case IDeclarationExpressionOperation declaration:
                AssignTo(declaration.Expression, origins);
                break;
            default:
                AssignRoot(target, origins);
                break;
        }
    }

    /// <summary>
    /// Makes the variable behind <paramref name="target"/> carry <paramref name="origins"/>: a local, parameter, field or
    /// property; an array element's array; an object whose field, property or indexer is assigned (the object holds face data).
    /// </summary>
    private void AssignRoot(IOperation? target, ImmutableArray<FaceDataOrigin> origins)
    {
        if (origins.IsEmpty)
        {
            return;
        }

        switch (target)
        {
            case ILocalReferenceOperation local:
                Assign(local.Local, origins);
                break;
            case IParameterReferenceOperation parameter:
                Assign(parameter.Parameter.OriginalDefinition, origins);
                break;
            case IFieldReferenceOperation field:
                Assign(field.Field.OriginalDefinition, origins);
                AssignRoot(field.Instance, origins);
                break;
            case IPropertyReferenceOperation property:
                if (!property.Property.IsIndexer && _flow.IsInThisCompilation(property.Property))
                {
                    Assign(property.Property.OriginalDefinition, origins);
                }

                AssignRoot(property.Instance, origins);
                break;
            case IArrayElementReferenceOperation element:
                AssignRoot(element.ArrayReference, origins);
                break;
            case IConversionOperation conversion:
                AssignRoot(conversion.Operand, origins);
                break;
            case IParenthesizedOperation parenthesized:
                AssignRoot(parenthesized.Operand, origins);
                break;
            case IDeclarationExpressionOperation declaration:
                AssignRoot(declaration.Expression, origins);
                break;
        }
    }

    private void Assign(ISymbol symbol, ImmutableArray<FaceDataOrigin> origins)
    {
        if (origins.IsEmpty)
        {
            return;
        }

        if (_memberWrites is not null && symbol is IFieldSymbol or IPropertySymbol)
        {
            _memberWrites.Add((symbol, origins));
        }

        var before = Get(symbol);
        var after = Taint.Union(before, origins);
        if (after.Length != before.Length)
        {
            _values[symbol] = after;
            _changed = true;
        }
    }

    private ImmutableArray<FaceDataOrigin> Get(ISymbol symbol) => _values.TryGetValue(symbol, out var origins) ? origins : s_none;

    /// <summary>A field or property of this compilation: face data if its own type assigns it face data (resolved by the rule).</summary>
    private ImmutableArray<FaceDataOrigin> MemberOrigin(ISymbol member)
        => _flow.IsInThisCompilation(member)
            ? ImmutableArray.Create(new FaceDataOrigin(FaceDataSource.Field, FaceDataKind.Image, member.Name, member.OriginalDefinition))
            : s_none;

    private bool IsProcessing(IOperation operation) => _flow.Model.ClassifyUse(operation) is { Api.Kind: FacialApiKind.Processing };

    /// <summary>The sink or stop line of a call: the receiver of an instance call, else the first argument, decides a <c>receiver=</c> condition.</summary>
    private FaceDataSinkLine? FindSink(IInvocationOperation invocation)
    {
        var receiver = StaticType(invocation.Instance) ?? (invocation.Arguments.Length > 0 ? StaticType(invocation.Arguments[0].Value) : null);
        return _flow.Sinks.FindMethod(invocation.TargetMethod, receiver);
    }

    /// <summary>A method of this compilation with a body, summarized at its calls; a local function is analyzed with its member instead.</summary>
    private bool IsOwnWithBody(IMethodSymbol method)
        => method.MethodKind != MethodKind.LocalFunction && _flow.IsInThisCompilation(method) && !method.IsAbstract && !method.IsExtern;

    /// <summary>Whether a return belongs to the member itself, not to a lambda or local function inside it.</summary>
    private static bool IsOwnBody(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A number, bool, char, enum or date: what another assembly computes from face data as one of these (a length, a score) is not face data.</summary>
    private static bool IsScalar(ITypeSymbol? type)
        => type is not null && (type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime
            or SpecialType.System_IntPtr or SpecialType.System_UIntPtr);

    /// <summary>Whether a call can write into a value of this type: not a string, a scalar or a read-only span.</summary>
    private static bool IsMutable(ITypeSymbol? type)
        => type is not null && type.SpecialType != SpecialType.System_String && !IsScalar(type)
            && !(type is INamedTypeSymbol { Name: "ReadOnlySpan" or "ReadOnlyMemory" } named && named.ContainingNamespace?.ToDisplayString() == "System");

    /// <summary>The type of a value as written, before an implicit conversion to a parameter's type.</summary>
    private static ITypeSymbol? StaticType(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation?.Type;
    }

    private static string Describe(IOperation operation)
    {
        var text = string.Join(" ", operation.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxDescriptionLength ? text : text.Substring(0, MaxDescriptionLength - 3) + "...";
    }
}
