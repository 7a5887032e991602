using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using FaceCompliance.Reports;
using Microsoft.Build.Framework;
using Xunit;

namespace FaceCompliance.Build.Tasks.Tests;

/// <summary>
/// The buildTransitive props and targets agree with the task (name, parameters) and with ReportFiles (file names),
/// and keep the gates the end-to-end tests exercise: a non-empty report path, no design-time build.
/// </summary>
public sealed class BuildIntegrationFilesTests
{
    private static readonly string BuildTransitive = Path.Combine(RepositoryRoot(), "src", "Generators", "FaceCompliance.Build.Tasks", "buildTransitive");

    private static XElement Targets => XDocument.Load(Path.Combine(BuildTransitive, "FaceCompliance.targets")).Root!;

    private static XElement Props => XDocument.Load(Path.Combine(BuildTransitive, "FaceCompliance.props")).Root!;

    [Fact]
    public void The_targets_list_exactly_the_report_files_of_ReportFiles()
    {
        var listed = Targets.Descendants("_FaceComplianceReportFile")
            .Select(e => e.Attribute("Include")!.Value)
            .Select(include => include.Replace("$(_FaceComplianceReportDirectory)", string.Empty, StringComparison.Ordinal));

        Assert.Equal(ReportFiles.All.Select(f => f.FileName), listed);
    }

    [Fact]
    public void The_targets_run_the_task_out_of_process_with_its_real_parameters()
    {
        XElement usingTask = Assert.Single(Targets.Elements("UsingTask"));
        Type type = typeof(WriteFacialComplianceReport);
        Assert.Equal(type.FullName, usingTask.Attribute("TaskName")!.Value);
        Assert.Equal("TaskHostFactory", usingTask.Attribute("TaskFactory")!.Value);
        Assert.Equal("$(FaceComplianceBuildTasksAssembly)", usingTask.Attribute("AssemblyFile")!.Value);

        XElement invocation = Assert.Single(Targets.Descendants(type.Name));
        foreach (XAttribute parameter in invocation.Attributes())
        {
            PropertyInfo? property = type.GetProperty(parameter.Name.LocalName);
            Assert.True(property is not null && property.CanWrite, $"The targets pass {parameter.Name}, which the task does not have.");
        }

        foreach (PropertyInfo required in type.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            Assert.NotNull(invocation.Attribute(required.Name));
        }

        foreach (XElement output in invocation.Elements("Output"))
        {
            PropertyInfo? property = type.GetProperty(output.Attribute("TaskParameter")!.Value);
            Assert.True(property?.GetCustomAttribute<OutputAttribute>() is not null, $"{output.Attribute("TaskParameter")!.Value} is not an [Output] of the task.");
        }
    }

    [Fact]
    public void The_report_target_runs_after_CoreCompile_only_with_a_path_and_outside_design_time_builds()
    {
        XElement target = Targets.Elements("Target").Single(t => t.Descendants("WriteFacialComplianceReport").Any());

        Assert.Equal("CoreCompile", target.Attribute("AfterTargets")!.Value);
        string condition = target.Attribute("Condition")!.Value;
        Assert.Contains("'$(FaceComplianceReportPath)' != ''", condition, StringComparison.Ordinal);
        Assert.Contains("'$(DesignTimeBuild)' != 'true'", condition, StringComparison.Ordinal);
        Assert.Contains("@(IntermediateAssembly)", target.Attribute("Inputs")!.Value, StringComparison.Ordinal);
        Assert.Contains("@(_FaceComplianceReportFile)", target.Attribute("Outputs")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_props_make_the_path_visible_to_the_generator_except_in_design_time_builds()
    {
        XElement visible = Assert.Single(Props.Descendants("CompilerVisibleProperty"), p => p.Attribute("Include")!.Value == "FaceComplianceReportPath");
        Assert.Equal(ReportFiles.ReportPathProperty, "build_property." + visible.Attribute("Include")!.Value);
        Assert.Equal("'$(DesignTimeBuild)' != 'true'", visible.Attribute("Condition")!.Value);

        XElement emptied = Assert.Single(Props.Descendants("FaceComplianceReportPath"));
        Assert.Equal(string.Empty, emptied.Value);
        Assert.Equal("'$(DesignTimeBuild)' == 'true'", emptied.Parent!.Attribute("Condition")!.Value);
    }

    [Fact]
    public void The_props_make_the_law_date_visible_to_the_analyzers_in_every_build()
    {
        XElement visible = Assert.Single(Props.Descendants("CompilerVisibleProperty"), p => p.Attribute("Include")!.Value == "FaceComplianceLawDate");
        Assert.Null(visible.Attribute("Condition"));
        Assert.Equal(2, Props.Descendants("CompilerVisibleProperty").Count());
    }

    private static string RepositoryRoot() =>
        typeof(BuildIntegrationFilesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
