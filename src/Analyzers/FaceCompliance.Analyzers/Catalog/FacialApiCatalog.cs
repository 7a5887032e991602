using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Catalog;

/// <summary>
/// Third-party members that process facial data: the built-in catalog of face SDKs plus the project's
/// <c>FacialDataApis.txt</c> files. The built-in catalog is taken in only when one of its SDKs is referenced (an
/// entry's outermost type exists); matching is then a cheap name lookup first, and the symbols behind an entry are
/// resolved only when a name matches (BannedApiAnalyzers does the same), so an SDK the project does not reference
/// costs nothing.
/// </summary>
internal sealed class FacialApiCatalog
{
    public const string BuiltInPath = "FaceSdkCatalog.txt";

    private static readonly Lazy<ImmutableArray<ApiListEntry>> s_builtIn = new(LoadBuiltIn);

    private readonly Dictionary<string, List<ResolvableEntry>> _byName;

    private FacialApiCatalog(Dictionary<string, List<ResolvableEntry>> byName) => _byName = byName;

    public bool IsEmpty => _byName.Count == 0;

    public static ImmutableArray<ApiListEntry> BuiltInEntries => s_builtIn.Value;

    public static bool IsApiListFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("FacialDataApis.txt", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("FacialDataApis.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses the project's API list files in path order, so duplicates are reported deterministically.</summary>
    public static ApiListParser ParseUserFiles(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var parser = new ApiListParser();
        foreach (var file in files.Where(f => IsApiListFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken);
            if (text is not null)
            {
                parser.Parse(file.Path, text, RefusesNotProcessing);
            }
        }

        return parser;
    }

    // A processing entry wins over NotProcessing, so a project's NotProcessing line for a member the built-in catalog
    // lists would do nothing: it is refused (FC1001) rather than left to mislead.
    private static string? RefusesNotProcessing(string id)
        => s_builtInProcessingIds.Value.Contains(id)
            ? $"'{id}' is a processing API in the built-in catalog; NotProcessing cannot take it back (suppress the diagnostics where you are sure instead)"
            : null;

    private static readonly Lazy<HashSet<string>> s_builtInProcessingIds = new(() => new HashSet<string>(
        s_builtIn.Value.Where(e => !e.NotProcessing).Select(e => e.Id), StringComparer.Ordinal));

    public static FacialApiCatalog Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<ResolvableEntry>>(StringComparer.Ordinal);
        if (BuiltInSdkReferenced(compilation))
        {
            Add(byName, compilation, s_builtIn.Value);
        }

        Add(byName, compilation, ParseUserFiles(options.AdditionalFiles, cancellationToken).Entries);
        return new FacialApiCatalog(byName);
    }

    /// <summary>
    /// The entry naming <paramref name="member"/> (an original definition) itself, if any: true with its method when
    /// it is a processing API, true with null when it is listed as <c>NotProcessing</c>. A processing entry wins over
    /// a <c>NotProcessing</c> one for the same member (the built-in catalog and a project's list may both name it).
    /// </summary>
    public bool TryMatchMember(ISymbol member, out ProcessingMethod? method)
    {
        method = null;
        var found = false;
        if (_byName.TryGetValue(member.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Entry.Kind != 'T' && candidate.Matches(member))
                {
                    if (!candidate.Entry.NotProcessing)
                    {
                        method = candidate.Entry.Method;
                        return true;
                    }

                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the processing entry that makes <paramref name="member"/> (an original definition) a use is marked
    /// <c>;OffDevice</c>: the member's own entry when there is one, else its type's <c>T:</c> entry.
    /// </summary>
    public bool IsOffDevice(ISymbol member) => FindDecidingEntry(member) is { OffDevice: true };

    /// <summary>
    /// The processing entry that makes <paramref name="member"/> (an original definition) a use: the member's own entry
    /// when there is one, else its type's <c>T:</c> entry; null when neither lists it. Its <c>;Attributes=</c> say what
    /// the API estimates (FC0016).
    /// </summary>
    public ApiListEntry? FindDecidingEntry(ISymbol member)
    {
        var owner = member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : member;
        return FindProcessingEntry(owner, e => e.Kind != 'T')
            ?? (owner.ContainingType is { } type ? FindProcessingEntry(type, e => e.Kind == 'T') : null);
    }

    /// <summary>
    /// Whether the processing entry that makes <paramref name="member"/> (an original definition) a use is marked
    /// <c>;Provision</c>: the member's own entry when there is one, else its type's <c>T:</c> entry.
    /// </summary>
    public bool IsProvision(ISymbol member)
    {
        var owner = member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : member;
        if (FindProcessingEntry(owner, e => e.Kind != 'T') is { } own)
        {
            return own.Provision;
        }

        return owner.ContainingType is { } type && FindProcessingEntry(type, e => e.Kind == 'T') is { Provision: true };
    }

    private ApiListEntry? FindProcessingEntry(ISymbol symbol, Func<ApiListEntry, bool> kind)
    {
        if (_byName.TryGetValue(symbol.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (!candidate.Entry.NotProcessing && kind(candidate.Entry) && candidate.Matches(symbol))
                {
                    return candidate.Entry;
                }
            }
        }

        return null;
    }

    /// <summary>The processing method of a whole-type (<c>T:</c>) entry naming <paramref name="type"/>, if any.</summary>
    public bool TryMatchType(INamedTypeSymbol type, out ProcessingMethod method)
    {
        if (_byName.TryGetValue(type.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Entry.Kind == 'T' && candidate.Matches(type))
                {
                    method = candidate.Entry.Method;
                    return true;
                }
            }
        }

        method = ProcessingMethod.Unspecified;
        return false;
    }

    private static void Add(Dictionary<string, List<ResolvableEntry>> byName, Compilation compilation, IEnumerable<ApiListEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (!byName.TryGetValue(entry.SimpleName, out var list))
            {
                byName.Add(entry.SimpleName, list = new List<ResolvableEntry>());
            }

            list.Add(new ResolvableEntry(entry, compilation));
        }
    }

    /// <summary>
    /// Skip the built-in catalog entirely unless one of its SDKs is referenced: some entry's outermost type exists in
    /// the compilation. A root namespace alone proves nothing (every compilation has a <c>Microsoft</c> namespace, and
    /// <c>Microsoft.Azure</c> comes with unrelated Azure packages too).
    /// </summary>
    private static bool BuiltInSdkReferenced(Compilation compilation)
    {
        foreach (var typePath in s_builtInTypePaths.Value)
        {
            if (OutermostTypeExists(compilation.GlobalNamespace, typePath))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Lazy<ImmutableArray<string[]>> s_builtInTypePaths = new(() => s_builtIn.Value
        .Select(e => TypePath(e.Id))
        .Distinct(StringComparer.Ordinal)
        .Select(path => path.Split('.'))
        .ToImmutableArray());

    // The dotted path of an id without its kind prefix, parameters and member name: enough to reach its outermost type.
    private static string TypePath(string id)
    {
        var path = id.Substring(2);
        var parameters = path.IndexOf('(');
        if (parameters >= 0)
        {
            path = path.Substring(0, parameters);
        }

        var last = path.LastIndexOf('.');
        return id[0] == 'T' || last < 0 ? path : path.Substring(0, last);
    }

    // Walks the namespaces of the path from the global namespace; true when the first segment that is not a
    // namespace names a type there (generic arity suffixes such as `1 are ignored).
    private static bool OutermostTypeExists(INamespaceSymbol global, string[] segments)
    {
        var current = global;
        foreach (var segment in segments)
        {
            var tick = segment.IndexOf('`');
            var name = tick < 0 ? segment : segment.Substring(0, tick);
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(name))
            {
                if (member is INamespaceSymbol ns)
                {
                    next = ns;
                    break;
                }
            }

            if (next is null)
            {
                return !current.IsGlobalNamespace && current.GetTypeMembers(name).Length > 0;
            }

            current = next;
        }

        return false;
    }

    private static ImmutableArray<ApiListEntry> LoadBuiltIn()
    {
        using var stream = typeof(FacialApiCatalog).Assembly.GetManifestResourceStream("FaceCompliance.Analyzers.FaceSdkCatalog.txt");
        if (stream is null)
        {
            return ImmutableArray<ApiListEntry>.Empty;
        }

        var parser = new ApiListParser();
        parser.Parse(BuiltInPath, SourceText.From(stream));
        return parser.Entries.ToImmutableArray();
    }

    private sealed class ResolvableEntry
    {
        private readonly Lazy<ImmutableArray<ISymbol>> _symbols;

        public ResolvableEntry(ApiListEntry entry, Compilation compilation)
        {
            Entry = entry;
            _symbols = new Lazy<ImmutableArray<ISymbol>>(
                () => DocumentationCommentId.GetSymbolsForDeclarationId(entry.Id, compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public ApiListEntry Entry { get; }

        public bool Matches(ISymbol symbol)
        {
            foreach (var candidate in _symbols.Value)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, symbol))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
