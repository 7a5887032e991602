using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC1003: the FaceCompliance attribute types defined by more than one assembly. The declarations are compiled here
/// from the annotations' own sources (src/Runtime/FaceCompliance.Annotations/Declarations) into as many assemblies as a test needs;
/// a face library marks its API with one of them, and the application calls it without a purpose, which the rules
/// report only when the attribute types resolve.
/// </summary>
public sealed class DeclarationTypesUniqueTests
{
    /// <summary>The attribute types the rules resolve (Model/FacialSymbols.cs).</summary>
    private const int DeclarationTypeCount = 12;

    private static readonly ImmutableArray<MetadataReference> s_framework = TestReferences.All
        .Where(r => Path.GetFileName(r.Display) is not ("FaceCompliance.dll" or "FaceCompliance.Annotations.dll"))
        .ToImmutableArray();

    private static readonly Lazy<MetadataReference> s_first = new(() => Build("FaceCompliance", DeclarationSources(), s_framework));
    private static readonly Lazy<MetadataReference> s_second = new(() => Build("Vendor.FaceAttributes", DeclarationSources(), s_framework));
    private static readonly Lazy<MetadataReference> s_faceLibrary = new(() => Build("Vendor.FaceKit", new[] { """
        using FaceCompliance;

        namespace Vendor.FaceKit;

        public sealed class FaceCounter
        {
            [ProcessesFacialData(FacialProcessingMethod.Detection)]
            public int Count(byte[] pixels) => pixels.Length;
        }
        """ }, s_framework.Add(s_first.Value)));

    private const string Application = """
        public sealed class Lobby
        {
            public int Count(Vendor.FaceKit.FaceCounter counter) => counter.Count(new byte[1]);
        }
        """;

    [Fact]
    public async Task Two_referenced_assemblies_defining_the_attributes_report_each_type_naming_both()
    {
        var diagnostics = await AnalyzeAsync(new[] { Application }, s_first.Value, s_second.Value, s_faceLibrary.Value);

        Assert.All(diagnostics, d => Assert.Equal("FC1003", d.Id));
        Assert.Equal(DeclarationTypeCount, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Location.None, d.Location));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var message = diagnostics.Single(d => d.GetMessage().StartsWith("'FaceCompliance.UsesFacialDataAttribute<TPurpose>'", StringComparison.Ordinal)).GetMessage();
        Assert.Equal(
            "'FaceCompliance.UsesFacialDataAttribute<TPurpose>' is defined in 2 assemblies ('FaceCompliance, Version=0.0.0.0', 'Vendor.FaceAttributes, Version=0.0.0.0'), "
            + "so the FaceCompliance rules cannot tell which one the code uses and would check nothing: keep one definition, the FaceCompliance package, "
            + "and remove the others (a copied source file, or a reference that defines its own copy)",
            message);
    }

    [Fact]
    public async Task One_definition_reports_nothing_and_the_rules_run()
    {
        var diagnostics = await AnalyzeAsync(new[] { Application }, s_first.Value, s_faceLibrary.Value);

        Assert.DoesNotContain(diagnostics, d => d.Id == "FC1003");
        Assert.Contains(diagnostics, d => d.Id == "FC0001");
    }

    [Fact]
    public async Task A_copy_in_source_beside_the_reference_is_reported_naming_the_project()
    {
        var copy = """
            namespace FaceCompliance
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class RequiresFacialConsentAttribute : System.Attribute { }
            }
            """;
        var diagnostics = await AnalyzeAsync(new[] { Application, copy }, s_first.Value, s_faceLibrary.Value);

        var reported = Assert.Single(diagnostics, d => d.Id == "FC1003");
        Assert.StartsWith(
            "'FaceCompliance.RequiresFacialConsentAttribute' is defined in 2 assemblies ('App' (this project's source), 'FaceCompliance, Version=0.0.0.0')",
            reported.GetMessage(), StringComparison.Ordinal);
    }

    // The declarations, with the shared method table and law values they compile against (linked into the annotations project).
    private static IEnumerable<string> DeclarationSources()
        => Directory.GetFiles(Path.Combine(TestReferences.RepositoryRoot, "src", "Runtime", "FaceCompliance.Annotations", "Declarations"), "*.cs")
            .Append(Path.Combine(TestReferences.RepositoryRoot, "src", "Shared", "Methods", "ProcessingMethodTable.cs"))
            .Append(Path.Combine(TestReferences.RepositoryRoot, "src", "Shared", "Profiles", "LawValues.cs"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText);

    private static MetadataReference Build(string assemblyName, IEnumerable<string> sources, ImmutableArray<MetadataReference> references)
    {
        var compilation = Compile(assemblyName, sources, references);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, $"{assemblyName} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation Compile(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference> references)
        => CSharpCompilation.Create(assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Compiles the application (which must compile) and returns its FC diagnostics.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<string> sources, params MetadataReference[] references)
    {
        var compilation = Compile("App", sources, s_framework.AddRange(references));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The application does not compile:\n" + string.Join("\n", errors));
        var diagnostics = await compilation
            .WithAnalyzers(TestReferences.Analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal)).ToImmutableArray();
    }
}
