using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// The public API baselines (src/Runtime/PublicApi.props, docs/packaging.md "Public API baseline"): every packed library
/// imports them and has both baseline files, and a public change that is not recorded fails a real build.
/// </summary>
public sealed class PublicApiBaselineTests
{
    private const string BaselineProps = "src/Runtime/PublicApi.props";

    private static readonly Regex PackableTrue = new(@"<IsPackable>\s*true\s*</IsPackable>", RegexOptions.CultureInvariant);

    /// <summary>
    /// Each project under src/ that <c>dotnet pack</c> packs as a library (IsPackable, not a .NET tool) imports
    /// PublicApi.props and has PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt, both tracking nullability.
    /// </summary>
    [Fact]
    public void Every_packed_library_has_a_public_API_baseline()
    {
        List<string> libraries = Directory.EnumerateFiles(RepoPaths.File("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => PackableTrue.IsMatch(File.ReadAllText(p)) && !File.ReadAllText(p).Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["FaceCompliance", "FaceCompliance.Annotations", "FaceCompliance.PostgreSql", "FaceCompliance.Sqlite", "FaceCompliance.Vision"], libraries);
        foreach (string library in libraries)
        {
            string folder = RepoPaths.File($"src/Runtime/{library}");
            Assert.Contains("<Import Project=\"../PublicApi.props\" />", File.ReadAllText(Path.Combine(folder, library + ".csproj")), StringComparison.Ordinal);
            foreach (string baseline in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                string[] lines = File.ReadAllLines(Path.Combine(folder, baseline));
                Assert.True(lines.Length > 0 && lines[0] == "#nullable enable", $"{library}/{baseline} must start with #nullable enable.");
            }

            // The types every user meets are recorded (the files are the analyzer's own output, not a hand-written list).
            string unshipped = File.ReadAllText(Path.Combine(folder, "PublicAPI.Unshipped.txt"));
            // FaceCompliance.Annotations keeps its types in the FaceCompliance namespace, where analyzers and users look for them.
            Assert.Contains(library == "FaceCompliance.Annotations" ? "FaceCompliance.UsesFacialDataAttribute<TPurpose>" : $"{library}.", unshipped, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A small library that imports the repository's PublicApi.props, with TreatWarningsAsErrors off so that the props
    /// alone must make the rules errors: it builds with its recorded API; with a recorded method renamed, the build
    /// fails with RS0016 for the new, unrecorded member and RS0017 for the recorded one that is gone.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task An_unrecorded_public_change_fails_the_build_with_RS0016_and_RS0017()
    {
        string folder = Path.Combine(Path.GetTempPath(), "fc-publicapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            WriteLibrary(folder);

            DotnetResult recorded = await Build(folder);
            Assert.True(recorded.ExitCode == 0, recorded.Describe());
            Assert.DoesNotContain(recorded.Diagnostics, d => d.Id.StartsWith("RS", StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(folder, "Door.cs"), DoorSource.Replace("public void Open()", "public void Close()", StringComparison.Ordinal));
            DotnetResult changed = await Build(folder);

            Assert.True(changed.ExitCode != 0, changed.Describe());
            Diagnostic added = Assert.Single(changed.Diagnostics, d => d.Id == "RS0016");
            Assert.Equal("error", added.Severity);
            Assert.Equal("Door.cs", added.FileName);
            Assert.Contains("Close", added.Message, StringComparison.Ordinal);
            Diagnostic removed = Assert.Single(changed.Diagnostics, d => d.Id == "RS0017");
            Assert.Equal("error", removed.Severity);
            Assert.Contains("Probe.Door.Open() -> void", removed.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string DoorSource = """
        namespace Probe;

        /// <summary>A door.</summary>
        public sealed class Door
        {
            /// <summary>Opens it.</summary>
            public void Open()
            {
            }
        }
        """;

    private static Task<DotnetResult> Build(string folder) =>
        DotnetRunner.RunAsync(folder, null, ["build", "Probe.csproj", .. DotnetRunner.IsolatedBuildOptions]);

    private static void WriteLibrary(string folder)
    {
        // Outside the repository: stop MSBuild's upward search, and take package versions from the repository's one file.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(
            Path.Combine(folder, "Directory.Packages.props"),
            $"<Project><Import Project=\"{RepoPaths.File("Directory.Packages.props")}\" /></Project>");
        File.WriteAllText(Path.Combine(folder, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <Import Project="{RepoPaths.File(BaselineProps)}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Door.cs"), DoorSource);
        File.WriteAllText(Path.Combine(folder, "PublicAPI.Shipped.txt"), "#nullable enable\n");
        File.WriteAllText(Path.Combine(folder, "PublicAPI.Unshipped.txt"), """
            #nullable enable
            Probe.Door
            Probe.Door.Door() -> void
            Probe.Door.Open() -> void

            """);
    }
}
