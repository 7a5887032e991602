using System;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// What a value or condition proves when it is true and when it is false (for references: not null, null):
/// consent checks, <c>!</c>, <c>== true</c>, <c>!= null</c>, <c>is</c> patterns with property patterns, awaited
/// checks, and the locals and flow captures the state follows. <c>bool?</c> is three-valued: <c>x != true</c>
/// proves nothing about <c>x</c> being false.
/// </summary>
internal sealed class ConsentConditions
{
    private readonly FacialModel _model;
    private readonly ConsentBodyScan _scan;

    public ConsentConditions(FacialModel model, ConsentBodyScan scan)
    {
        _model = model;
        _scan = scan;
    }

    /// <summary>Called with a local holding a check's result that the analysis does not follow, and why.</summary>
    public Action<IOperation, string>? OnLocalNotFollowed { get; set; }

    /// <summary>The check an <c>await</c> completes (<c>await EnsureAsync()</c>, <c>await HasAsync().ConfigureAwait(false)</c>), or null.</summary>
    public ConsentCheck? AwaitedCheck(IAwaitOperation await)
    {
        var operand = await.Operation;
        while (true)
        {
            switch (operand)
            {
                case IConversionOperation conversion:
                    operand = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                    operand = task;
                    continue;
            }

            return _model.GetConsentCheck(operand) is { ReturnsTask: true } check ? check : null;
        }
    }

    public ValueFacts Evaluate(IOperation value, FlowState state)
    {
        if (Constant(value) is { } constant)
        {
            return constant;
        }

        switch (value)
        {
            case IConversionOperation { OperatorMethod: null } conversion when IsBoolLike(conversion.Type) == IsBoolLike(conversion.Operand.Type):
                return Evaluate(conversion.Operand, state);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return Evaluate(not.Operand, state).Swap();
            case IBinaryOperation { OperatorMethod: null } binary:
                return EvaluateBinary(binary, state);
            case IIsNullOperation isNull:
                return IsBoolLike(isNull.Operand.Type) ? ValueFacts.None : Evaluate(isNull.Operand, state).Swap();
            case IIsTypeOperation isType when !IsBoolLike(isType.ValueOperand.Type):
                var isOfType = new ValueFacts(Evaluate(isType.ValueOperand, state).WhenTrue, 0);
                return isType.IsNegated ? isOfType.Swap() : isOfType;
            case IIsPatternOperation isPattern:
                return EvaluatePattern(Evaluate(isPattern.Value, state), isPattern.Value.Type, isPattern.Pattern, state);
            case IAwaitOperation await:
                return AwaitedCheck(await) is { } awaited ? ResultFacts(awaited) : ValueFacts.None;
            case ISimpleAssignmentOperation { IsRef: false } assignment:
                return Evaluate(assignment.Value, state);
            case ILocalReferenceOperation reference:
                if (!_scan.IsFollowed(reference.Local))
                {
                    if (_scan.WhyNotFollowed(reference.Local) is { } why)
                    {
                        OnLocalNotFollowed?.Invoke(reference, why);
                    }

                    return ValueFacts.None;
                }

                return state.GetValue(reference.Local);
            case IFlowCaptureReferenceOperation capture:
                return state.GetValue(capture.Id);
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance, Arguments.IsEmpty: true } when IsNullableBool(instance.Type):
                return new ValueFacts(Evaluate(instance, state).WhenTrue, 0);
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when IsNullableBool(instance.Type):
                return Evaluate(instance, state);
            case IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } instance } when IsNullable(instance.Type) && !IsBoolLike(instance.Type):
                return Evaluate(instance, state);
            default:
                return _model.GetConsentCheck(value) is { ReturnsTask: false } check ? ResultFacts(check) : ValueFacts.None;
        }
    }

    /// <summary>A <c>bool</c> check proves its purpose where true; a nullable receipt where not null. The others prove it once they return.</summary>
    private ValueFacts ResultFacts(ConsentCheck check) => check.Shape is ConsentCheckShape.Bool or ConsentCheckShape.NullableReceipt
        ? new ValueFacts(_scan.Requirements.MetBy(check.Facts), 0)
        : ValueFacts.None;

    private ValueFacts EvaluateBinary(IBinaryOperation binary, FlowState state)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                var (operand, other) = IsConstant(binary.LeftOperand) ? (binary.RightOperand, binary.LeftOperand) : (binary.LeftOperand, binary.RightOperand);
                var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                if (BoolConstant(other) is { } expected)
                {
                    var compared = CompareWith(Evaluate(operand, state), operand.Type, expected);
                    return equals ? compared : compared.Swap();
                }

                if (IsNullConstant(other) && !IsBoolLike(operand.Type))
                {
                    var isNull = Evaluate(operand, state).Swap();
                    return equals ? isNull : isNull.Swap();
                }

                return ValueFacts.None;
            case BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd:
                var (andLeft, andRight) = (Evaluate(binary.LeftOperand, state), Evaluate(binary.RightOperand, state));
                return new ValueFacts(andLeft.WhenTrue | andRight.WhenTrue, andLeft.WhenFalse & andRight.WhenFalse);
            case BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr:
                var (orLeft, orRight) = (Evaluate(binary.LeftOperand, state), Evaluate(binary.RightOperand, state));
                return new ValueFacts(orLeft.WhenTrue & orRight.WhenTrue, orLeft.WhenFalse | orRight.WhenFalse);
            default:
                return ValueFacts.None;
        }
    }

    private ValueFacts EvaluatePattern(ValueFacts input, ITypeSymbol? inputType, IPatternOperation pattern, FlowState state)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when BoolConstant(constant.Value) is { } expected:
                return CompareWith(input, inputType, expected);
            case IConstantPatternOperation constant when IsNullConstant(constant.Value) && !IsBoolLike(inputType):
                return input.Swap();
            case INegatedPatternOperation negated:
                return EvaluatePattern(input, inputType, negated.Pattern, state).Swap();
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                var (andLeft, andRight) = (EvaluatePattern(input, inputType, and.LeftPattern, state), EvaluatePattern(input, inputType, and.RightPattern, state));
                return new ValueFacts(andLeft.WhenTrue | andRight.WhenTrue, andLeft.WhenFalse & andRight.WhenFalse);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                var (orLeft, orRight) = (EvaluatePattern(input, inputType, or.LeftPattern, state), EvaluatePattern(input, inputType, or.RightPattern, state));
                return new ValueFacts(orLeft.WhenTrue & orRight.WhenTrue, orLeft.WhenFalse | orRight.WhenFalse);
            case IRecursivePatternOperation recursive:
                // Matching means not null, and every property pattern matched.
                var matched = IsBoolLike(inputType) ? 0 : input.WhenTrue;
                foreach (var property in recursive.PropertySubpatterns)
                {
                    matched |= EvaluatePattern(Evaluate(property.Member, state), property.Member.Type, property.Pattern, state).WhenTrue;
                }

                return new ValueFacts(matched, 0);
            case ITypePatternOperation or IDeclarationPatternOperation { MatchesNull: false } when !IsBoolLike(inputType):
                return new ValueFacts(input.WhenTrue, 0);
            default:
                return ValueFacts.None;
        }
    }

    /// <summary>
    /// <c>value == expected</c>: where it holds, what the value proves on that side. Where it does not, the other side,
    /// but only for a plain <c>bool</c>: a <c>bool?</c> (or a boxed bool) that is not true may be null.
    /// </summary>
    private static ValueFacts CompareWith(ValueFacts value, ITypeSymbol? type, bool expected)
    {
        var matches = expected ? value.WhenTrue : value.WhenFalse;
        var mismatches = type?.SpecialType == SpecialType.System_Boolean ? (expected ? value.WhenFalse : value.WhenTrue) : 0;
        return new ValueFacts(matches, mismatches);
    }

    /// <summary>Constants: <c>true</c> is never false, <c>false</c> never true, <c>null</c> neither true, false nor non-null.</summary>
    private static ValueFacts? Constant(IOperation value)
    {
        if (BoolConstant(value) is { } constant)
        {
            return constant ? new ValueFacts(0, FlowState.Infeasible) : new ValueFacts(FlowState.Infeasible, 0);
        }

        if (IsNullConstant(value))
        {
            return IsBoolLike(value.Type) ? new ValueFacts(FlowState.Infeasible, FlowState.Infeasible) : new ValueFacts(FlowState.Infeasible, 0);
        }

        return null;
    }

    private static bool IsConstant(IOperation operation) => BoolConstant(operation) is not null || IsNullConstant(operation);

    private static bool? BoolConstant(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion && operation.ConstantValue is not { HasValue: true })
        {
            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;
    }

    private static bool IsNullConstant(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion && operation.ConstantValue is not { HasValue: true })
        {
            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: null }
            || (operation is IDefaultValueOperation && (operation.Type?.IsReferenceType == true || IsNullable(operation.Type)));
    }

    private static bool IsBoolLike(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean || IsNullableBool(type);

    private static bool IsNullableBool(ITypeSymbol? type) => type is INamedTypeSymbol { TypeArguments.Length: 1 } named && IsNullable(named)
        && named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static bool IsNullable(ITypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
