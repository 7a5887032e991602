using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Notice;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The models that flow between generator steps hold plain values only: no symbol, syntax node, location or
/// compilation (which would root old compilations and defeat caching), and they compare by value.
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public void No_model_reachable_from_the_generator_steps_holds_a_symbol_syntax_node_or_compilation()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess"), reportPath: "report");
        var ourSteps = new[] { StepNames.Purposes, StepNames.Processor, StepNames.Notices, StepNames.Baseline, StepNames.ChangeNotices, StepNames.Assembly };
        var outputs = ourSteps.SelectMany(name => result.TrackedSteps[name]).SelectMany(step => step.Outputs).Select(o => o.Value).ToList();
        Assert.Contains(outputs, o => o is PurposeSpec);
        Assert.Contains(outputs, o => o is AssemblySpec);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedTypes = new HashSet<Type>();
        foreach (var output in outputs)
        {
            Walk(output, visited, checkedTypes, path: output.GetType().Name);
        }

        Assert.Contains(typeof(PurposeDeclaration), checkedTypes);
        Assert.Contains(typeof(RenderedNotice), checkedTypes);
        Assert.Contains(typeof(NoticeSection), checkedTypes);
        Assert.Contains(typeof(AccessibleNotice), checkedTypes);
        Assert.Contains(typeof(ApprovedNoticeBaseline), checkedTypes);
    }

    [Fact]
    public void Parsing_the_same_source_twice_gives_equal_but_distinct_models_with_equal_hashes()
    {
        var first = Specs(GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess")).Result);
        var second = Specs(GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess")).Result);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.NotSame(first[i], second[i]);
            Assert.Equal(first[i], second[i]);
            Assert.Equal(first[i].GetHashCode(), second[i].GetHashCode());
        }
    }

    private static List<AssemblySpec> Specs(GeneratorRunResult result) => result.TrackedSteps[StepNames.Assembly]
        .SelectMany(step => step.Outputs).Select(o => (AssemblySpec)o.Value).ToList();

    private static void Walk(object? value, HashSet<object> visited, HashSet<Type> checkedTypes, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData,
            $"{path} holds a {type.Name}, which roots a compilation.");
        Assert.True(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) != true, $"{path} holds Roslyn type {type.FullName}.");
        checkedTypes.Add(type);
        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, visited, checkedTypes, $"{path}[{index++}]");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), visited, checkedTypes, $"{path}.{field.Name}");
        }
    }
}
