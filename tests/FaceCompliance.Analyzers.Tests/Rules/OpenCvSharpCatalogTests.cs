using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using FaceCompliance.Analyzers.Catalog;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.Analyzers.Tests.StandIns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// The catalog against the real OpenCvSharp4 4.13.0.20261107 assembly from NuGet: every OpenCvSharp4 line resolves, the
/// OpenCvSharp5-only lines do not, and the whole-type lines cover exactly the members that process faces. (The build
/// of a project that uses the package is tests/FaceCompliance.EndToEnd.Tests/OpenCvSharpBuildTests.cs.)
/// </summary>
public sealed class OpenCvSharpCatalogTests
{
    private static readonly Lazy<Compilation> s_compilation = new(() => CSharpCompilation.Create(
        "OpenCvSharpProbe",
        references: TestReferences.All.Add(MetadataReference.CreateFromFile(OpenCvSharpAssembly)),
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

    private static string OpenCvSharpAssembly => typeof(OpenCvSharpCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OpenCvSharpAssembly").Value!;

    [Fact]
    public void The_real_assembly_is_the_package_from_NuGet()
    {
        Assert.True(File.Exists(OpenCvSharpAssembly), OpenCvSharpAssembly);
        Assert.Contains("4.13.0.20261107", OpenCvSharpAssembly, StringComparison.Ordinal);
        Assert.NotNull(s_compilation.Value.GetTypeByMetadataName("OpenCvSharp.Face.LBPHFaceRecognizer"));
    }

    [Fact]
    public void Every_OpenCvSharp4_line_resolves_in_the_real_assembly()
    {
        var lines = CatalogFile.Lines("OpenCvSharp4").Select(l => l.Id).ToList();

        Assert.True(lines.Count >= 17, $"only {lines.Count} OpenCvSharp4 lines");
        var unresolved = lines.Where(id => DocumentationCommentId.GetSymbolsForDeclarationId(id, s_compilation.Value).IsEmpty).ToList();
        Assert.True(unresolved.Count == 0, "Not in the real assembly:\n" + string.Join("\n", unresolved));
    }

    [Fact]
    public void The_OpenCvSharp5_lines_name_nothing_in_OpenCvSharp4_as_the_catalog_says()
    {
        var lines = CatalogFile.Lines("OpenCvSharp5").Select(l => l.Id).ToList();

        Assert.Equal(6, lines.Count);
        Assert.All(lines, id => Assert.Empty(DocumentationCommentId.GetSymbolsForDeclarationId(id, s_compilation.Value)));
    }

    /// <summary>
    /// Every public member of the listed types and of the types nested in them, as the analyzers classify it: only the
    /// calls that take an image or return the trained templates are uses; constructors, Create, LoadModel, Read/Write,
    /// the Get/Set of numbers, labels and the Params option types are not.
    /// </summary>
    [Fact]
    public void The_listed_types_cover_exactly_their_processing_members()
    {
        var compilation = s_compilation.Value;
        var model = FacialModel.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        var types = new[]
        {
            "OpenCvSharp.Face.FaceRecognizer", "OpenCvSharp.Face.BasicFaceRecognizer", "OpenCvSharp.Face.LBPHFaceRecognizer",
            "OpenCvSharp.Face.EigenFaceRecognizer", "OpenCvSharp.Face.FisherFaceRecognizer", "OpenCvSharp.Face.Facemark",
            "OpenCvSharp.Face.FacemarkLBF", "OpenCvSharp.Face.FacemarkAAM", "OpenCvSharp.FaceDetectorYN", "OpenCvSharp.CascadeClassifier",
        }.Select(name => compilation.GetTypeByMetadataName(name) ?? throw new InvalidOperationException(name)).ToList();

        var members = types.SelectMany(t => t.GetTypeMembers().Prepend(t)).SelectMany(t => t.GetMembers())
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m is IMethodSymbol { AssociatedSymbol: null } or IPropertySymbol)
            .ToList();
        var uses = members.Where(m => model.GetApi(m) is { Kind: FacialApiKind.Processing })
            .Select(m => DocumentationCommentId.CreateDeclarationId(m) + ";" + model.GetApi(m)!.Method)
            .OrderBy(id => id, StringComparer.Ordinal);

        Assert.True(members.Count > 80, $"only {members.Count} members");
        Assert.Equal(
            [
                "M:OpenCvSharp.CascadeClassifier.DetectMultiScale(OpenCvSharp.Mat,System.Double,System.Int32,OpenCvSharp.HaarDetectionTypes,System.Nullable{OpenCvSharp.Size},System.Nullable{OpenCvSharp.Size})~OpenCvSharp.Rect[];Detection",
                "M:OpenCvSharp.CascadeClassifier.DetectMultiScale(OpenCvSharp.Mat,System.Int32[]@,System.Double[]@,System.Double,System.Int32,OpenCvSharp.HaarDetectionTypes,System.Nullable{OpenCvSharp.Size},System.Nullable{OpenCvSharp.Size},System.Boolean)~OpenCvSharp.Rect[];Detection",
                "M:OpenCvSharp.Face.BasicFaceRecognizer.GetEigenVectors~OpenCvSharp.Mat;Identification",
                "M:OpenCvSharp.Face.BasicFaceRecognizer.GetMean~OpenCvSharp.Mat;Identification",
                "M:OpenCvSharp.Face.BasicFaceRecognizer.GetProjections~OpenCvSharp.Mat[];Identification",
                "M:OpenCvSharp.Face.FaceRecognizer.Predict(OpenCvSharp.InputArray)~System.Int32;Identification",
                "M:OpenCvSharp.Face.FaceRecognizer.Predict(OpenCvSharp.InputArray,System.Int32@,System.Double@);Identification",
                "M:OpenCvSharp.Face.FaceRecognizer.Train(System.Collections.Generic.IEnumerable{OpenCvSharp.Mat},System.Collections.Generic.IEnumerable{System.Int32});Identification",
                "M:OpenCvSharp.Face.FaceRecognizer.Update(System.Collections.Generic.IEnumerable{OpenCvSharp.Mat},System.Collections.Generic.IEnumerable{System.Int32});Identification",
                "M:OpenCvSharp.Face.Facemark.Fit(OpenCvSharp.InputArray,OpenCvSharp.InputArray,OpenCvSharp.Point2f[][]@)~System.Boolean;Detection",
                "M:OpenCvSharp.Face.LBPHFaceRecognizer.GetHistograms~OpenCvSharp.Mat[];Identification",
                "M:OpenCvSharp.FaceDetectorYN.Detect(OpenCvSharp.Mat,OpenCvSharp.Mat)~System.Int32;Detection",
            ],
            uses);
    }
}
