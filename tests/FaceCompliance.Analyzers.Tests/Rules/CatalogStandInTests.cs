using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.Analyzers.Tests.StandIns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// The SDKs the package registry does not serve, through stand-ins generated from the catalog's own lines
/// (<see cref="DocumentationIdStandIns"/>): each line is a well-formed id that resolves to exactly one member, and a call
/// of each member line is reported with the rules its method implies. OpenCvSharp4 is checked against the real package
/// instead (<see cref="OpenCvSharpCatalogTests"/>).
/// </summary>
public sealed class CatalogStandInTests
{
    public static TheoryData<string> StandInGroups() => new(StandInGroupNames());

    [Fact]
    public void Every_group_but_OpenCvSharp4_has_stand_ins()
        => Assert.Equal(
            ["Azure.AI.Vision.Face", "Microsoft.Azure.CognitiveServices.Vision.Face", "AWSSDK.Rekognition", "FaceAiSharp", "FaceONNX", "FaceRecognitionDotNet", "OpenCvSharp5", "Emgu.CV", "Emgu.CV.Models"],
            StandInGroupNames());

    private static string[] StandInGroupNames() => CatalogFile.Groups().Where(g => g != "OpenCvSharp4").ToArray();

    [Theory]
    [MemberData(nameof(StandInGroups))]
    public void Each_line_resolves_to_exactly_one_member_of_the_stand_ins_generated_from_it(string group)
    {
        var lines = CatalogFile.Lines(group);
        var compilation = CSharpCompilation.Create(
            "StandIns",
            [CSharpSyntaxTree.ParseText(DocumentationIdStandIns.Generate(lines.Select(l => l.Id)))],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Single(DocumentationCommentId.GetSymbolsForDeclarationId(line.Id, compilation)));
    }

    [Theory]
    [MemberData(nameof(StandInGroups))]
    public Task Each_member_line_is_a_use_with_the_rules_its_method_implies(string group)
    {
        var lines = CatalogFile.Lines(group);
        var uses = new StringBuilder();
        foreach (var (id, method) in lines.Where(l => l.Id.StartsWith("M:", StringComparison.Ordinal) && l.Method != "NotProcessing"))
        {
            var (setup, use) = DocumentationIdStandIns.UseOf(id);
            var identity = method is "Verification" or "Identification";
            uses.Append("        ").Append(setup).Append(identity ? "{|FC0003:" : string.Empty)
                .Append("{|FC0001:{|FC0002:").Append(use).Append("|}|}").Append(identity ? "|}" : string.Empty).Append(";\n");
        }

        return new AnalyzerTest($$"""
            public class Caller
            {
                public void Run()
                {
            {{uses}}    }
            }
            """).WithSource("StandIns.cs", DocumentationIdStandIns.Generate(lines.Select(l => l.Id))).RunAsync();
    }
}
