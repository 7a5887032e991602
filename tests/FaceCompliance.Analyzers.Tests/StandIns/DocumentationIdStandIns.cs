using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaceCompliance.Analyzers.Tests.StandIns;

/// <summary>
/// Stand-ins for face SDKs that the package registry does not serve, generated from documentation-comment ids (the
/// catalog's own lines, or the SDK's member ids): every type the ids name, in its namespace or nested in the type it
/// is named under, with each listed method and constructor, so that each id resolves to exactly the stub generated for
/// it. A type the .NET shared framework has is not declared again. Parameters named in an id are all a stub knows, so
/// every class is a plain class (a struct where the id uses it in <c>System.Nullable{...}</c>), methods are instance
/// methods, <c>@</c> parameters are <c>ref</c>, and bodies throw.
/// </summary>
public static class DocumentationIdStandIns
{
    private static readonly Lazy<Compilation> s_framework = new(() => CSharpCompilation.Create("Framework", references: TestReferences.All));

    /// <summary>C# declarations for the types and members of <paramref name="ids"/> (M: and T: ids).</summary>
    public static string Generate(IEnumerable<string> ids)
    {
        var members = ids.Select(Parse).ToList();
        var types = new SortedDictionary<string, TypeStub>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            Declare(types, member.ContainingType, 0);
            foreach (var reference in member.Parameters.Append(member.Return).Where(r => r is not null))
            {
                DeclareReferenced(types, reference!);
            }
        }

        foreach (var member in members.Where(m => m.Kind == 'M'))
        {
            types[member.ContainingType].Members.Add(member);
        }

        var source = new StringBuilder("#nullable disable\n#pragma warning disable\n");
        foreach (var type in types.Values.Where(t => Outer(types, t.FullName) is null))
        {
            var dot = type.FullName.LastIndexOf('.');
            source.Append("namespace ").Append(type.FullName.Substring(0, dot)).Append("\n{\n");
            Emit(source, types, type, "    ");
            source.Append("}\n");
        }

        return source.ToString();
    }

    /// <summary>A statement that uses the member of an M: id: a call on a default receiver, or <c>new</c> for a constructor.</summary>
    public static (string Setup, string Use) UseOf(string id)
    {
        var member = Parse(id);
        var setup = new StringBuilder();
        var arguments = new List<string>();
        for (var i = 0; i < member.Parameters.Count; i++)
        {
            var parameter = member.Parameters[i];
            if (parameter.ByRef)
            {
                setup.Append($"var a{i} = default({parameter.CSharp})!; ");
                arguments.Add($"ref a{i}");
            }
            else
            {
                arguments.Add($"default({parameter.CSharp})!");
            }
        }

        var call = member.Name == "#ctor"
            ? $"new global::{member.ContainingType}({string.Join(", ", arguments)})"
            : $"default(global::{member.ContainingType})!.{member.Name}({string.Join(", ", arguments)})";
        return (setup.ToString(), call);
    }

    private static void Emit(StringBuilder source, SortedDictionary<string, TypeStub> types, TypeStub type, string indent)
    {
        var simpleName = type.FullName.Substring(type.FullName.LastIndexOf('.') + 1);
        var typeParameters = type.Arity == 0 ? string.Empty : "<" + string.Join(", ", Enumerable.Range(0, type.Arity).Select(i => "T" + i)) + ">";
        source.Append(indent).Append("public partial ").Append(type.IsStruct ? "struct " : "class ").Append(simpleName).Append(typeParameters).Append("\n")
            .Append(indent).Append("{\n");
        foreach (var member in type.Members)
        {
            var parameters = string.Join(", ", member.Parameters.Select((p, i) => (p.ByRef ? "ref " : string.Empty) + p.CSharp + " p" + i));
            source.Append(indent).Append("    ").Append(member.Name == "#ctor"
                ? $"public {simpleName}({parameters}) {{ }}\n"
                : $"public {member.Return?.CSharp ?? "void"} {member.Name}({parameters}) => throw null;\n");
        }

        foreach (var nested in types.Values.Where(t => type.Arity == 0 && Outer(types, t.FullName) == type.FullName))
        {
            Emit(source, types, nested, indent + "    ");
        }

        source.Append(indent).Append("}\n");
    }

    /// <summary>The declared type that <paramref name="fullName"/> is nested in, if a prefix of it is one.</summary>
    private static string? Outer(SortedDictionary<string, TypeStub> types, string fullName)
    {
        for (var dot = fullName.LastIndexOf('.'); dot > 0; dot = fullName.LastIndexOf('.', dot - 1))
        {
            if (types.ContainsKey(fullName.Substring(0, dot)))
            {
                return fullName.Substring(0, dot);
            }
        }

        return null;
    }

    private static void DeclareReferenced(SortedDictionary<string, TypeStub> types, TypeReference reference)
    {
        if (!Exists(reference.Name, reference.Arguments.Count))
        {
            Declare(types, reference.Name, reference.Arguments.Count);
        }

        foreach (var argument in reference.Arguments)
        {
            DeclareReferenced(types, argument);
            if (reference.Name == "System.Nullable" && types.TryGetValue(Key(argument.Name, argument.Arguments.Count), out var valueType))
            {
                valueType.IsStruct = true;
            }
        }
    }

    // Keyed by name and arity: Azure.Response and Azure.Response<T> are two types.
    private static void Declare(SortedDictionary<string, TypeStub> types, string name, int arity)
    {
        if (!types.ContainsKey(Key(name, arity)))
        {
            types.Add(Key(name, arity), new TypeStub(name, arity));
        }
    }

    private static string Key(string name, int arity) => arity == 0 ? name : name + "`" + arity;

    private static bool Exists(string name, int arity)
        => s_framework.Value.GetTypeByMetadataName(arity == 0 ? name : name + "`" + arity) is not null;

    private static MemberId Parse(string id)
    {
        var kind = id[0];
        var text = id.Substring(2);
        TypeReference? returned = null;
        var tilde = text.IndexOf('~');
        if (tilde >= 0)
        {
            var position = 0;
            returned = ParseType(text.Substring(tilde + 1), ref position);
            text = text.Substring(0, tilde);
        }

        var parameters = new List<TypeReference>();
        var open = text.IndexOf('(');
        if (open >= 0)
        {
            var list = text.Substring(open + 1, text.Length - open - 2);
            var position = 0;
            while (position < list.Length)
            {
                parameters.Add(ParseType(list, ref position));
                if (position < list.Length && list[position] == ',')
                {
                    position++;
                }
            }

            text = text.Substring(0, open);
        }

        if (kind == 'T')
        {
            return new MemberId(kind, text, string.Empty, parameters, returned);
        }

        var lastDot = text.LastIndexOf('.');
        return new MemberId(kind, text.Substring(0, lastDot), text.Substring(lastDot + 1), parameters, returned);
    }

    /// <summary>name ('{' type (',' type)* '}')? ('[' ','* ']')* '@'?</summary>
    private static TypeReference ParseType(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not ('{' or '}' or ',' or '[' or '@'))
        {
            position++;
        }

        var reference = new TypeReference(text.Substring(start, position - start));
        if (position < text.Length && text[position] == '{')
        {
            do
            {
                position++;
                reference.Arguments.Add(ParseType(text, ref position));
            }
            while (text[position] == ',');

            position++;
        }

        while (position < text.Length && text[position] == '[')
        {
            var close = text.IndexOf(']', position);
            reference.ArrayRanks.Add(text.Substring(position, close - position + 1).Count(c => c == ',') + 1);
            position = close + 1;
        }

        if (position < text.Length && text[position] == '@')
        {
            reference.ByRef = true;
            position++;
        }

        return reference;
    }

    private sealed class TypeStub(string fullName, int arity)
    {
        public string FullName { get; } = fullName;

        public int Arity { get; } = arity;

        public bool IsStruct { get; set; }

        public List<MemberId> Members { get; } = new();
    }

    private sealed record MemberId(char Kind, string ContainingType, string Name, List<TypeReference> Parameters, TypeReference? Return);

    private sealed class TypeReference(string name)
    {
        public string Name { get; } = name;

        public List<TypeReference> Arguments { get; } = new();

        /// <summary>Array ranks as the id writes them, element first: System.Single[,][] is float[][,] in C#.</summary>
        public List<int> ArrayRanks { get; } = new();

        public bool ByRef { get; set; }

        public string CSharp => "global::" + Name
            + (Arguments.Count == 0 ? string.Empty : "<" + string.Join(", ", Arguments.Select(a => a.CSharp)) + ">")
            + string.Concat(Enumerable.Reverse(ArrayRanks).Select(rank => "[" + new string(',', rank - 1) + "]"));
    }
}
