using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaceCompliance.Analyzers.Model;

/// <summary>
/// Whether the source of a compilation that references FaceCompliance can hold facial-data code at all
/// (docs/semantics.md, "Facial-data uses"). Every declaration and every processing or consent-requiring API of
/// FaceCompliance lives in an assembly that defines the FaceCompliance attributes, or in one that builds on such an
/// assembly (references it, directly or through others). Source reaches such a member only by naming something of
/// one of these assemblies first: a namespace (in a using directive, a qualified name or its own namespace
/// declaration) or a type of the global namespace; an assembly outside them cannot hand out one of their types, since
/// its signatures would make it reference them. So a compilation whose source text never contains one of those names
/// cannot contain a use or a declaration, and the rules register nothing there.
/// </summary>
internal static class FacialCodeReach
{
    /// <summary>
    /// True when some source file (generated ones included) contains the name of a top-level namespace or global type
    /// of the FaceCompliance assemblies or of an assembly that builds on them, or a Unicode escape, which could spell
    /// one in an identifier. A name inside a comment or a string counts too: the check may say yes needlessly, never no.
    /// </summary>
    public static bool InSource(Compilation compilation, FacialSymbols symbols, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in FaceComplianceAssemblies(compilation, symbols))
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                return true;
            }

            foreach (var member in assembly.GlobalNamespace.GetMembers())
            {
                // Compiler-generated types ('<Module>', '<PrivateImplementationDetails>') cannot be named in source.
                if (SyntaxFacts.IsValidIdentifier(member.Name))
                {
                    names.Add(member.Name);
                }
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            foreach (var name in names)
            {
                if (text.IndexOf(name, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The assemblies that define a FaceCompliance attribute type, and every referenced assembly that references one of them, transitively.</summary>
    private static List<IAssemblySymbol> FaceComplianceAssemblies(Compilation compilation, FacialSymbols symbols)
    {
        var found = new List<IAssemblySymbol>();
        var foundNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attributeType in new[]
        {
            symbols.ProcessesFacialData, symbols.UsesFacialData, symbols.NonBiometricAlternative, symbols.FacialConsentCheck,
            symbols.FacialConsentReceipt, symbols.RequiresFacialConsent, symbols.FacialDataPurpose, symbols.FacialDataProcessor,
        })
        {
            if (attributeType?.ContainingAssembly is { } assembly && foundNames.Add(assembly.Identity.Name))
            {
                found.Add(assembly);
            }
        }

        var others = new List<IAssemblySymbol>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!foundNames.Contains(assembly.Identity.Name))
            {
                others.Add(assembly);
            }
        }

        for (var added = true; added;)
        {
            added = false;
            for (var i = others.Count - 1; i >= 0; i--)
            {
                if (ReferencesAny(others[i], foundNames))
                {
                    found.Add(others[i]);
                    foundNames.Add(others[i].Identity.Name);
                    others.RemoveAt(i);
                    added = true;
                }
            }
        }

        return found;
    }

    private static bool ReferencesAny(IAssemblySymbol assembly, HashSet<string> names)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (names.Contains(reference.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
