using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Tests.Shared;

/// <summary>
/// What test compilations are built against: every managed assembly of the running .NET shared framework plus the
/// FaceCompliance runtime. Linked into the analyzer and generator test projects.
/// </summary>
internal static class CompilationReferences
{
    public static ImmutableArray<MetadataReference> FrameworkAndRuntime { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(framework, "*.dll")
            .Where(IsManagedAssembly)
            .Append(typeof(FaceCompliance.FacialDataPurposeAttribute).Assembly.Location)   // FaceCompliance.Annotations.dll: the declarations
            .Append(typeof(FaceCompliance.IFacialDataPurpose).Assembly.Location)           // FaceCompliance.dll: the runtime
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
