using System.Linq;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The output parser and the marker editor that the end-to-end tests rely on.</summary>
public sealed class HelperTests
{
    /// <summary>A located diagnostic line of MSBuild's output, with the trailing project.</summary>
    [Fact]
    public void Parses_a_located_diagnostic()
    {
        const string line = "  /repo/samples/NonCompliant/Fc0002ConsentTooLate.cs(20,21): error FC0002: No consent check holds for 'GateEntry' [/repo/samples/NonCompliant/NonCompliant.csproj]";

        Assert.True(DiagnosticLine.TryParse(line, out DiagnosticLine d));
        Assert.Equal("/repo/samples/NonCompliant/Fc0002ConsentTooLate.cs", d.Path);
        Assert.Equal(new RuleAtLine("FC0002", "Fc0002ConsentTooLate.cs", 20), d.Key);
        Assert.Equal(21, d.Column);
        Assert.Equal("error", d.Severity);
        Assert.Equal("No consent check holds for 'GateEntry'", d.Message);
    }

    /// <summary>End positions, Windows paths and an additional file.</summary>
    [Fact]
    public void Parses_end_positions_and_windows_paths()
    {
        Assert.True(DiagnosticLine.TryParse(@"C:\src\samples\NonCompliant\FacialDataApis.txt(8,1,8,50): warning FC1001: 'Bogus' is not a processing method [C:\src\x.csproj]", out DiagnosticLine d));
        Assert.Equal(8, d.Line);
        Assert.Equal("warning", d.Severity);
        Assert.Equal("FC1001", d.Id);
    }

    /// <summary>Lines that are not located diagnostics are not parsed as such; unlocated ones still count as diagnostics.</summary>
    [Fact]
    public void Rejects_other_lines()
    {
        Assert.False(DiagnosticLine.TryParse("  CommunityAccess -> /repo/bin/Debug/net10.0/CommunityAccess.dll", out _));
        Assert.False(DiagnosticLine.TryParse("CSC : error RS2002: Rule 'FC0008' is part of the next unshipped analyzer release", out _));
        Assert.True(DiagnosticLine.IsDiagnostic("CSC : error RS2002: Rule 'FC0008' is part of the next unshipped analyzer release", out string id));
        Assert.Equal("RS2002", id);
        Assert.False(DiagnosticLine.IsDiagnostic("Build succeeded.", out _));
    }

    /// <summary>Duplicated output lines give one diagnostic.</summary>
    [Fact]
    public void ParseAll_removes_duplicates()
    {
        const string line = "/r/a.cs(1,1): error FC0001: m [/r/p.csproj]";
        Assert.Single(DiagnosticLine.ParseAll([line, "noise", line]));
    }

    /// <summary>Removing and moving marked lines, and rejecting a missing or repeated marker.</summary>
    [Fact]
    public void MarkedSource_edits_by_marker()
    {
        var source = new MarkedSource("x.cs",
        [
            "if (x)",
            "{",
            "    Check(); // e2e: check",
            "    Use(); // e2e: use",
            "} // e2e: end",
            "Other(); // e2e: dup",
            "Other(); // e2e: dup",
        ]);

        Assert.Equal(4, source.LineOf("use"));
        source.MoveAfter("use", "end");
        Assert.Equal(5, source.LineOf("use"));
        Assert.Equal("Use(); // e2e: use", source.TextOf("use"));
        source.Remove("check");
        Assert.Equal(3, source.LineOf("end"));
        Assert.Equal(["if (x)", "{", "} // e2e: end", "Use(); // e2e: use"], source.ToString().Split('\n').Take(4));
        source.Replace("use", "Use()", "Use(receipt)");
        Assert.Equal("Use(receipt); // e2e: use", source.TextOf("use"));
        Assert.Throws<System.InvalidOperationException>(() => source.Replace("use", "absent", "x"));
        Assert.Throws<System.InvalidOperationException>(() => source.LineOf("missing"));
        Assert.Throws<System.InvalidOperationException>(() => source.LineOf("dup"));
    }
}
