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
/// <c>FacialDataApis.txt</c> files. Matching is a cheap name lookup first; the symbols behind an entry are
/// resolved only when a name matches (BannedApiAnalyzers does the same), so an SDK the project does not
/// reference costs nothing.
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
                parser.Parse(file.Path, text);
            }
        }

        return parser;
    }

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

    /// <summary>The processing method when <paramref name="member"/> (an original definition) is listed.</summary>
    public bool TryMatch(ISymbol member, out ProcessingMethod method)
    {
        if (TryMatchEntries(member.Name, member, out method))
        {
            return true;
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            if (TryMatchEntries(type.Name, type, out method))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryMatchEntries(string name, ISymbol symbol, out ProcessingMethod method)
    {
        if (_byName.TryGetValue(name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if ((candidate.Entry.Kind == 'T') == (symbol.Kind == SymbolKind.NamedType) && candidate.Matches(symbol))
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

    /// <summary>Skip the built-in catalog entirely unless one of its namespaces' types is present.</summary>
    private static bool BuiltInSdkReferenced(Compilation compilation)
    {
        foreach (var root in s_builtIn.Value.Select(e => RootNamespace(e.Id)).Distinct(StringComparer.Ordinal))
        {
            if (compilation.GlobalNamespace.GetNamespaceMembers().Any(n => n.Name == root))
            {
                return true;
            }
        }

        return false;
    }

    private static string RootNamespace(string id)
    {
        var dot = id.IndexOf('.', 2);
        return dot < 0 ? id.Substring(2) : id.Substring(2, dot - 2);
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
