using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>
/// Which members a whole-type declaration covers: a <c>T:</c> line of the catalog or of <c>FacialDataApis.txt</c>, or
/// <c>[ProcessesFacialData]</c> on a type (docs/semantics.md, "Facial-data uses"). A method, property or indexer
/// declared in the type is covered when one of its parameters or its result can carry facial data: any type but the
/// simple ones below. Constructors, finalizers, <c>Dispose</c>, the equality, hashing, comparison and <c>ToString</c>
/// members, members the compiler generates, and the members of nested types are never covered.
/// </summary>
internal static class WholeTypeCoverage
{
    // Bounds the walk into struct fields; deeper structs are taken to carry facial data (fail closed).
    private const int MaxStructDepth = 4;

    public static bool Covers(ISymbol member)
    {
        if (member is IMethodSymbol { AssociatedSymbol: IPropertySymbol accessed })
        {
            member = accessed;
        }

        if (member.ContainingType is not { } type || member.IsImplicitlyDeclared || IsHousekeeping(member.Name))
        {
            return false;
        }

        switch (member)
        {
            case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.UserDefinedOperator or MethodKind.Conversion
                or MethodKind.ExplicitInterfaceImplementation:
                if (!CanCarry(method.ReturnType, type, asResult: true))
                {
                    foreach (var parameter in method.Parameters)
                    {
                        if (CanCarry(parameter.Type, type, asResult: parameter.RefKind == RefKind.Out))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                return true;

            case IPropertySymbol property:
                if (CanCarry(property.Type, type, asResult: true))
                {
                    return true;
                }

                foreach (var parameter in property.Parameters)
                {
                    if (CanCarry(parameter.Type, type, asResult: false))
                    {
                        return true;
                    }
                }

                return false;

            default:
                // Constructors, finalizers, fields, events and nested types.
                return false;
        }
    }

    /// <summary>Members that manage the object rather than process a face, by name (explicit implementations end in it).</summary>
    private static bool IsHousekeeping(string name)
    {
        var dot = name.LastIndexOf('.');
        return (dot < 0 ? name : name.Substring(dot + 1)) is "Dispose" or "DisposeAsync" or "Equals" or "GetHashCode" or "ToString" or "CompareTo"
            or WellKnownMemberNames.EqualityOperatorName or WellKnownMemberNames.InequalityOperatorName
            or WellKnownMemberNames.LessThanOperatorName or WellKnownMemberNames.LessThanOrEqualOperatorName
            or WellKnownMemberNames.GreaterThanOperatorName or WellKnownMemberNames.GreaterThanOrEqualOperatorName;
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> can carry facial data. Simple, and so not: <c>void</c>, <c>bool</c>,
    /// <c>char</c>, <c>string</c>, numbers, enums, <c>CancellationToken</c>, a struct made only of simple fields (a size,
    /// a point), a task of a simple value, a type nested in <paramref name="declaring"/> (its options), and, as a result, the
    /// declaring type or a type related to it by inheritance (a factory). Everything else can: images, arrays,
    /// collections, spans, pointers, classes, interfaces, <c>object</c> and type parameters.
    /// </summary>
    private static bool CanCarry(ITypeSymbol type, INamedTypeSymbol declaring, bool asResult)
        => !IsSimple(type, declaring, asResult, depth: 0);

    private static bool IsSimple(ITypeSymbol type, INamedTypeSymbol declaring, bool asResult, int depth)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_String:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            // Arrays, pointers, type parameters, dynamic.
            return false;
        }

        if (IsNestedIn(named, declaring) || asResult && IsRelated(named, declaring))
        {
            return true;
        }

        if (IsInNamespace(named, "System", "Threading") && named.Name == "CancellationToken")
        {
            return true;
        }

        if (IsInNamespace(named, "System", "Threading", "Tasks") && named.Name is "Task" or "ValueTask")
        {
            foreach (var argument in named.TypeArguments)
            {
                if (!IsSimple(argument, declaring, asResult, depth))
                {
                    return false;
                }
            }

            return true;
        }

        if (named.TypeKind != TypeKind.Struct || named.IsRefLikeType || depth >= MaxStructDepth)
        {
            return false;
        }

        foreach (var candidate in named.GetMembers())
        {
            if (candidate is IFieldSymbol { IsStatic: false } field
                && (field.IsFixedSizeBuffer || field.RefKind != RefKind.None || !IsSimple(field.Type, declaring, asResult: false, depth + 1)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNestedIn(INamedTypeSymbol type, INamedTypeSymbol declaring)
    {
        for (var outer = type.OriginalDefinition.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(outer, declaring.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRelated(INamedTypeSymbol type, INamedTypeSymbol declaring)
        => Inherits(declaring, type) || Inherits(type, declaring);

    /// <summary>Whether <paramref name="derived"/> is <paramref name="ancestor"/> or derives from or implements it.</summary>
    private static bool Inherits(INamedTypeSymbol derived, INamedTypeSymbol ancestor)
    {
        var target = ancestor.OriginalDefinition;
        for (INamedTypeSymbol? current = derived; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (var implemented in derived.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInNamespace(INamedTypeSymbol type, params string[] names)
    {
        if (type.ContainingType is not null)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != names[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
