using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>What a face-data sink does with what it is given.</summary>
internal enum FaceDataSinkKind
{
    /// <summary>Sends it off the device (FC0013).</summary>
    Network,

    /// <summary>Keeps it: files, databases, caches, blobs, logs (FC0014, for raw images).</summary>
    Persistent,

    /// <summary>Not a sink: its result is not face data (a hash).</summary>
    Stop,
}

/// <summary>One line of <c>FaceDataSinks.txt</c>.</summary>
internal sealed class FaceDataSinkLine
{
    public FaceDataSinkLine(FaceDataSinkKind kind, char idKind, string typeName, string memberName, string? receiverType, bool calls, bool entities)
    {
        Kind = kind;
        IdKind = idKind;
        TypeName = typeName;
        MemberName = memberName;
        ReceiverType = receiverType;
        Calls = calls;
        Entities = entities;
    }

    public FaceDataSinkKind Kind { get; }

    /// <summary>M, T or P.</summary>
    public char IdKind { get; }

    /// <summary>The metadata name of the type (<c>Grpc.Core.ClientBase`1</c>).</summary>
    public string TypeName { get; }

    /// <summary>The member's name; empty on a T: line.</summary>
    public string MemberName { get; }

    /// <summary><c>receiver=T:...</c>: the receiver (or a static method's first argument) must be of this type or derive from it.</summary>
    public string? ReceiverType { get; }

    /// <summary><c>calls</c>: any method called on a receiver of a type deriving from the line's type.</summary>
    public bool Calls { get; }

    /// <summary><c>entities</c>: a property set on an entity type exposed as a DbSet of a DbContext.</summary>
    public bool Entities { get; }

    /// <summary>How messages name the sink: <c>HttpClient.PostAsync</c>, <c>new StringContent</c>.</summary>
    public string DisplayName
    {
        get
        {
            var simpleType = TypeName.Substring(TypeName.LastIndexOf('.') + 1);
            var tick = simpleType.IndexOf('`');
            simpleType = tick < 0 ? simpleType : simpleType.Substring(0, tick);
            return IdKind == 'T' ? "new " + simpleType : simpleType + "." + MemberName;
        }
    }
}

/// <summary>
/// The face-data sinks of <c>FaceDataSinks.txt</c> (an embedded data table, parsed once per process), resolved per
/// compilation: a type the compilation does not reference resolves to nothing, so its lines cost nothing.
/// </summary>
internal sealed class FaceDataSinkTable
{
    private static readonly Lazy<ImmutableArray<FaceDataSinkLine>> s_lines = new(Load);

    private readonly Dictionary<(INamedTypeSymbol Type, string Member), FaceDataSinkLine> _members;
    private readonly List<(INamedTypeSymbol Type, FaceDataSinkLine Line)> _callTypes;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _propertyNames = new(StringComparer.Ordinal);
    private readonly INamedTypeSymbol? _dbContext;
    private readonly FaceDataSinkLine? _entityLine;

    private FaceDataSinkTable(Compilation compilation)
    {
        _members = new Dictionary<(INamedTypeSymbol, string), FaceDataSinkLine>(new TypeMemberComparer());
        _callTypes = new List<(INamedTypeSymbol, FaceDataSinkLine)>();
        foreach (var line in s_lines.Value)
        {
            if (compilation.GetTypeByMetadataName(line.TypeName) is not { } type)
            {
                continue;
            }

            if (line.Entities)
            {
                _dbContext = type;
                _entityLine = line;
            }
            else if (line.Calls)
            {
                _callTypes.Add((type, line));
            }
            else
            {
                var name = line.IdKind == 'T' ? ".ctor" : line.MemberName;
                _members[(type, name)] = line;
                _names.Add(name);
                if (line.IdKind == 'P')
                {
                    _propertyNames.Add(name);
                }
            }
        }

        IsEmpty = _members.Count == 0 && _callTypes.Count == 0 && _dbContext is null;
        Compilation = compilation;
    }

    public static ImmutableArray<FaceDataSinkLine> Lines => s_lines.Value;

    public bool IsEmpty { get; }

    private Compilation Compilation { get; }

    public static FaceDataSinkTable Create(Compilation compilation) => new(compilation);

    /// <summary>
    /// The line that makes a call or creation a sink: the method's own line, or the line of a method it overrides;
    /// for a <c>calls</c> line, any method called on a receiver deriving from the type. Null when it is none.
    /// </summary>
    public FaceDataSinkLine? FindMethod(IMethodSymbol method, ITypeSymbol? receiverType)
    {
        // Most calls name no sink: a name lookup settles them before any walk of overrides or base types.
        if (!MayBeSink(method))
        {
            return null;
        }

        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            var definition = current.OriginalDefinition;
            if (definition.ContainingType is { } type
                && _members.TryGetValue((type.OriginalDefinition, definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name), out var line)
                && (line.ReceiverType is null || DerivesFrom(receiverType, Resolve(line.ReceiverType))))
            {
                return line;
            }
        }

        if (method.MethodKind == MethodKind.Ordinary && !method.IsStatic)
        {
            foreach (var (type, line) in _callTypes)
            {
                if (DerivesFrom(receiverType, type))
                {
                    return line;
                }
            }
        }

        return null;
    }

    /// <summary>False when <see cref="FindMethod"/> finds no line for the method whatever its receiver: no line names it.</summary>
    public bool MayBeSink(IMethodSymbol method) => _callTypes.Count != 0 || _names.Contains(method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name);

    /// <summary>The line that makes setting <paramref name="property"/> a sink (its own <c>P:</c> line or an entity property), or null.</summary>
    public FaceDataSinkLine? FindPropertySet(IPropertySymbol property, Func<ITypeSymbol, bool> isEntity)
    {
        // Most property sets name no P: line (every lookup below is by the property's own name): only an entity can be one.
        if (!_propertyNames.Contains(property.Name))
        {
            return _entityLine is not null && isEntity(property.ContainingType) ? _entityLine : null;
        }

        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (_members.TryGetValue((current.ContainingType.OriginalDefinition, current.Name), out var line))
            {
                return line;
            }
        }

        foreach (var implemented in property.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(property.Name))
            {
                if (member is IPropertySymbol && _members.TryGetValue((implemented.OriginalDefinition, member.Name), out var line)
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType.FindImplementationForInterfaceMember(member), property))
                {
                    return line;
                }
            }
        }

        return _entityLine is not null && isEntity(property.ContainingType) ? _entityLine : null;
    }

    /// <summary>The DbContext type when the compilation references EF Core, else null.</summary>
    public INamedTypeSymbol? DbContext => _dbContext;

    private INamedTypeSymbol? Resolve(string metadataName)
    {
        var key = Compilation.GetTypeByMetadataName(metadataName);
        return key;
    }

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<FaceDataSinkLine> Load()
    {
        using var stream = typeof(FaceDataSinkTable).Assembly.GetManifestResourceStream("FaceCompliance.Analyzers.FaceDataSinks.txt");
        if (stream is null)
        {
            return ImmutableArray<FaceDataSinkLine>.Empty;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the table; a malformed line throws, so the test that loads the table fails at the line.</summary>
    public static ImmutableArray<FaceDataSinkLine> Parse(string text)
    {
        var lines = ImmutableArray.CreateBuilder<FaceDataSinkLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var comment = raw.IndexOf("//", StringComparison.Ordinal);
            var line = (comment < 0 ? raw : raw.Substring(0, comment)).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(';');
            if (parts.Length is < 2 or > 3 || !Enum.TryParse<FaceDataSinkKind>(parts[0], out var kind) || parts[1].Length < 3 || parts[1][1] != ':')
            {
                throw new FormatException($"FaceDataSinks.txt line {number}: expected <kind>;<id>[;<condition>]: {line}");
            }

            var idKind = parts[1][0];
            var name = parts[1].Substring(2);
            string typeName;
            var memberName = string.Empty;
            if (idKind == 'T')
            {
                typeName = name;
            }
            else if (idKind is 'M' or 'P' && name.LastIndexOf('.') is > 0 and var dot)
            {
                typeName = name.Substring(0, dot);
                memberName = name.Substring(dot + 1);
            }
            else
            {
                throw new FormatException($"FaceDataSinks.txt line {number}: the id must start with M:, T: or P: and name a member of a type: {line}");
            }

            var condition = parts.Length == 3 ? parts[2] : string.Empty;
            string? receiverType = condition.StartsWith("receiver=T:", StringComparison.Ordinal) ? condition.Substring("receiver=T:".Length) : null;
            var calls = condition == "calls";
            var entities = condition == "entities";
            if (condition.Length > 0 && receiverType is null && !calls && !entities || (calls || entities) && idKind != 'T')
            {
                throw new FormatException($"FaceDataSinks.txt line {number}: unknown condition '{condition}' (receiver=T:Type, or calls or entities on a T: line): {line}");
            }

            lines.Add(new FaceDataSinkLine(kind, idKind, typeName, memberName, receiverType, calls, entities));
        }

        return lines.ToImmutable();
    }

    private sealed class TypeMemberComparer : IEqualityComparer<(INamedTypeSymbol Type, string Member)>
    {
        public bool Equals((INamedTypeSymbol Type, string Member) x, (INamedTypeSymbol Type, string Member) y)
            => SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && string.Equals(x.Member, y.Member, StringComparison.Ordinal);

        public int GetHashCode((INamedTypeSymbol Type, string Member) obj)
            => SymbolEqualityComparer.Default.GetHashCode(obj.Type) ^ StringComparer.Ordinal.GetHashCode(obj.Member);
    }
}
