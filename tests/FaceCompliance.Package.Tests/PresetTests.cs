using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// The three severity presets (buildTransitive/FaceCompliance.{default,strict,none}.globalconfig) against the rules the
/// analyzers ship (AnalyzerReleases.Shipped.md and Unshipped.md): no rule missing, none unknown, each at the severity
/// its preset promises. Reads the repository's files; packs and builds nothing.
/// </summary>
public sealed class PresetTests
{
    private const string BuildFolder = "src/Generators/FaceCompliance.Build.Tasks/buildTransitive/";

    private static readonly Regex ReleaseRow = new(@"^(?<id>FC\d{4})\s*\|\s*[^|]+\|\s*(?<severity>Error|Warning|Info|Hidden|Disabled)\s*\|", RegexOptions.CultureInvariant);

    private static readonly Regex SeverityLine = new(@"^dotnet_diagnostic\.(?<id>[A-Za-z]+\d+)\.severity\s*=\s*(?<severity>\S+)\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The default preset restates each rule's declared severity; strict makes every rule an error; none turns every rule
    /// off. A rule disabled by default is off in all three.
    /// </summary>
    /// <param name="mode">The preset.</param>
    [Theory]
    [InlineData("default")]
    [InlineData("strict")]
    [InlineData("none")]
    public void Each_preset_sets_every_shipped_rule(string mode)
    {
        IReadOnlyDictionary<string, string> rules = ShippedRules();
        Assert.Contains("FC0010", rules.Keys);

        IReadOnlyDictionary<string, string> preset = Preset(mode);

        Assert.Equal(rules.Keys.Order(StringComparer.Ordinal), preset.Keys.Order(StringComparer.Ordinal));
        foreach ((string id, string declared) in rules)
        {
            // A rule not enabled by default would be off in every preset (none is today).
            string expected = declared == "disabled" ? "none" : mode switch
            {
                "default" => declared,
                "strict" => "error",
                _ => "none",
            };
            Assert.True(expected == preset[id], $"{mode}: {id} is {preset[id]}, expected {expected}.");
        }
    }

    /// <summary>
    /// Each preset is a global config below every configuration of the user's (global_level -100), and FaceCompliance.props
    /// selects it by FaceComplianceMode through GlobalAnalyzerConfigFiles.
    /// </summary>
    /// <param name="mode">The preset.</param>
    [Theory]
    [InlineData("default")]
    [InlineData("strict")]
    [InlineData("none")]
    public void Each_preset_is_a_low_level_global_config_selected_by_FaceComplianceMode(string mode)
    {
        string[] lines = File.ReadAllLines(RepoPaths.File($"{BuildFolder}FaceCompliance.{mode}.globalconfig"));
        Assert.Contains("is_global = true", lines);
        Assert.Contains("global_level = -100", lines);

        string props = File.ReadAllText(RepoPaths.File(BuildFolder + "FaceCompliance.props"));
        Assert.Contains($"<GlobalAnalyzerConfigFiles Include=\"$(MSBuildThisFileDirectory)FaceCompliance.{mode}.globalconfig\"", props, StringComparison.Ordinal);
        Assert.Contains($"'$(FaceComplianceMode)' == '{mode}'", props, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> ShippedRules()
    {
        var rules = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (string line in File.ReadAllLines(RepoPaths.File("src/Analyzers/FaceCompliance.Analyzers/" + file)))
            {
                Match match = ReleaseRow.Match(line.Trim());
                if (match.Success)
                {
                    rules[match.Groups["id"].Value] = match.Groups["severity"].Value.ToLowerInvariant();
                }
            }
        }

        return rules;
    }

    private static IReadOnlyDictionary<string, string> Preset(string mode)
    {
        var preset = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(RepoPaths.File($"{BuildFolder}FaceCompliance.{mode}.globalconfig")))
        {
            Match match = SeverityLine.Match(line.Trim());
            if (match.Success)
            {
                Assert.True(preset.TryAdd(match.Groups["id"].Value, match.Groups["severity"].Value), $"{mode}: {match.Groups["id"].Value} is set twice.");
            }
        }

        return preset;
    }
}
