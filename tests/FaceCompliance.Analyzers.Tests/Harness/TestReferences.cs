using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>What every test compilation is built against, created once: the running .NET shared framework and the FaceCompliance runtime.</summary>
public static class TestReferences
{
    public static ImmutableArray<MetadataReference> All => FaceCompliance.Tests.Shared.CompilationReferences.FrameworkAndRuntime;

    /// <summary>Every analyzer of the analyzer assembly, so a test sees every rule that fires, not just the one it is about.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = typeof(FaceCompliance.CodeFixes.CodeFixTitles).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The repository checkout the tests were built from.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string TestProjectDirectory { get; } = Metadata("TestProjectDirectory");

    private static string Metadata(string key) => typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
