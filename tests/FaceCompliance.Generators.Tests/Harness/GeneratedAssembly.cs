using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Generators.Tests.Harness;

/// <summary>Emits a compilation with its generated code and loads it, so tests can run what the generator wrote.</summary>
internal static class GeneratedAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The purposes the generated FacialDataDeclarations class lists.</summary>
    public static IReadOnlyList<FacialPurposeInfo> Purposes(Assembly assembly) =>
        (IReadOnlyList<FacialPurposeInfo>)assembly.GetType("FaceCompliance.Generated.FacialDataDeclarations", throwOnError: true)!
            .GetProperty("Purposes", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The constants of the generated report class, by name.</summary>
    public static IReadOnlyDictionary<string, string> ReportConstants(Assembly assembly) =>
        assembly.GetType("FaceCompliance.Generated.FacialComplianceReport", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
}
