using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Package.Tests;

/// <summary>What each .nupkg holds and declares, read from the files <c>dotnet pack</c> wrote.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackageFeed feed;

    /// <summary>Creates the tests.</summary>
    /// <param name="feed">The packed feed.</param>
    /// <param name="output">Where timings go.</param>
    public PackageContentTests(PackageFeed feed, ITestOutputHelper output)
    {
        this.feed = feed;
        feed.EnsureReady();
        output.WriteLine($"pack: {feed.Pack.Elapsed.TotalSeconds:F0} s, consumer restore: {feed.Restore.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// FaceCompliance.Annotations holds the declarations in lib/, the analyzers, code fixes and generators in
    /// analyzers/dotnet/cs, the report task in tasks/, and the props, targets and three presets in buildTransitive/;
    /// nothing else is an assembly, and it depends on nothing.
    /// </summary>
    [Fact]
    public void Annotations_holds_the_declarations_analyzers_generators_task_and_build_files()
    {
        const string Id = "FaceCompliance.Annotations";
        IReadOnlyList<string> entries = feed.Entries(Id);

        string[] expected =
        [
            "README.md",
            "LICENSE",
            "lib/net10.0/FaceCompliance.Annotations.dll",
            "lib/net10.0/FaceCompliance.Annotations.xml",
            "analyzers/dotnet/cs/FaceCompliance.Analyzers.dll",
            "analyzers/dotnet/cs/FaceCompliance.CodeFixes.dll",
            "analyzers/dotnet/cs/FaceCompliance.Generators.dll",
            "tasks/netstandard2.0/FaceCompliance.Build.Tasks.dll",
            "buildTransitive/FaceCompliance.props",
            "buildTransitive/FaceCompliance.targets",
            "buildTransitive/FaceCompliance.default.globalconfig",
            "buildTransitive/FaceCompliance.strict.globalconfig",
            "buildTransitive/FaceCompliance.none.globalconfig",
        ];
        Assert.All(expected, e => Assert.Contains(e, entries));
        Assert.Equal(expected.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // NuGet imports only buildTransitive/<package id>.props and .targets: those import the FaceCompliance files.
        foreach (string extension in new[] { "props", "targets" })
        {
            string file = $"buildTransitive/{Id}.{extension}";
            Assert.Equal(File.ReadAllText(RepoPaths.File($"src/Runtime/{Id}/{file}")), feed.EntryText(Id, file));
            Assert.Contains($"<Import Project=\"$(MSBuildThisFileDirectory)FaceCompliance.{extension}\" />", feed.EntryText(Id, file), StringComparison.Ordinal);
        }

        Assert.Equal(File.ReadAllText(RepoPaths.File("LICENSE")), feed.EntryText(Id, "LICENSE"));
        Assert.StartsWith("MIT License", feed.EntryText(Id, "LICENSE"), StringComparison.Ordinal);

        // The build files in the package are the repository's, byte for byte.
        foreach (string file in expected.Where(e => e.StartsWith("buildTransitive/", StringComparison.Ordinal)))
        {
            string source = RepoPaths.File("src/Generators/FaceCompliance.Build.Tasks/" + file);
            Assert.Equal(File.ReadAllText(source), feed.EntryText(Id, file));
        }

        // The analyzer, generator and task projects are packed inside, not package dependencies.
        Assert.Empty(Dependencies(Id));
        Assert.Equal("README.md", Metadata(Id, "readme"));
        Assert.True(File.Exists(feed.PackagePath(Id, "snupkg")), $"{Id} has no symbols package.");
    }

    /// <summary>
    /// FaceCompliance holds the runtime only, and depends on FaceCompliance.Annotations at the same version with every
    /// asset (include="All"), so whoever installs the runtime gets the declarations, analyzers, generators and presets.
    /// </summary>
    [Fact]
    public void FaceCompliance_holds_the_runtime_and_depends_on_the_annotations_with_their_analyzers()
    {
        IReadOnlyList<string> entries = feed.Entries("FaceCompliance");

        Assert.Equal(["lib/net10.0/FaceCompliance.dll"], entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal) || e.StartsWith("analyzers/", StringComparison.Ordinal));
        Dependency annotations = Assert.Single(Dependencies("FaceCompliance"), d => d.Id == "FaceCompliance.Annotations");
        Assert.Equal(RepoPaths.Version, annotations.Version);
        Assert.Equal("All", annotations.Include);
        Assert.Null(annotations.Exclude);
        // The Microsoft.Extensions abstractions serve services.AddFaceCompliance(), logging and data classification, and
        // what every store's registration shares (classified log events, the start-up opener, the health check frame).
        Assert.Equal(
            ["FaceCompliance.Annotations", "Microsoft.Extensions.Compliance.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions",
             "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions", "Microsoft.Extensions.Hosting.Abstractions",
             "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Telemetry.Abstractions", "System.Numerics.Tensors"],
            Dependencies("FaceCompliance").Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal("README.md", Metadata("FaceCompliance", "readme"));
    }

    /// <summary>
    /// FaceCompliance.Sqlite, FaceCompliance.Vision and FaceCompliance.PostgreSql depend on FaceCompliance at the same version with every asset
    /// (include="All"), so its analyzers and generators reach whoever references only an optional package.
    /// </summary>
    /// <param name="id">The optional package.</param>
    [Theory]
    [InlineData("FaceCompliance.Sqlite")]
    [InlineData("FaceCompliance.Vision")]
    [InlineData("FaceCompliance.PostgreSql")]
    public void Optional_packages_depend_on_FaceCompliance_with_its_analyzers(string id)
    {
        Dependency core = Assert.Single(Dependencies(id), d => d.Id == "FaceCompliance");
        Assert.Equal(RepoPaths.Version, core.Version);
        Assert.Equal("All", core.Include);
        Assert.Null(core.Exclude);
        Assert.Contains($"lib/net10.0/{id}.dll", feed.Entries(id));
        Assert.Contains("README.md", feed.Entries(id));
        Assert.True(File.Exists(feed.PackagePath(id, "snupkg")), $"{id} has no symbols package.");
    }

    /// <summary>
    /// FaceCompliance.Vision embeds the four models (over 8 MiB), carries their MIT notice, and gets ONNX Runtime from
    /// Microsoft's package Microsoft.ML.OnnxRuntime 1.32.0 and the image decoder from SkiaSharp 4.156.1 (with the
    /// Linux native assets that have no system dependencies) rather than holding any of them.
    /// </summary>
    [Fact]
    public void Vision_embeds_the_models_carries_their_notice_and_depends_on_Microsoft_ML_OnnxRuntime()
    {
        IReadOnlyList<string> entries = feed.Entries("FaceCompliance.Vision");

        Assert.True(feed.EntryLength("FaceCompliance.Vision", "lib/net10.0/FaceCompliance.Vision.dll") > 8_000_000, "The models are not embedded.");
        Assert.DoesNotContain(entries, e => e.Contains("OnnxRuntime", StringComparison.OrdinalIgnoreCase) || e.Contains("runtimes/", StringComparison.Ordinal));
        Assert.Contains("Copyright (c) 2021 gitguanqi", feed.EntryText("FaceCompliance.Vision", "THIRD-PARTY-NOTICES.md"), StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2021 gitguanqi", feed.EntryText("FaceCompliance.Vision", "licenses/faceplugin-face-recognition-js/LICENSE"), StringComparison.Ordinal);

        Dependency onnx = Assert.Single(Dependencies("FaceCompliance.Vision"), d => d.Id == "Microsoft.ML.OnnxRuntime");
        Assert.Equal("1.32.0", onnx.Version);
        Assert.Equal("4.156.1", Assert.Single(Dependencies("FaceCompliance.Vision"), d => d.Id == "SkiaSharp").Version);
        Assert.Equal("4.156.1", Assert.Single(Dependencies("FaceCompliance.Vision"), d => d.Id == "SkiaSharp.NativeAssets.Linux.NoDependencies").Version);
        Assert.DoesNotContain(Dependencies("FaceCompliance.Vision"), d => d.Id == "FaceCompliance.OnnxRuntime");
        Assert.False(File.Exists(Path.Combine(feed.Feed, $"FaceCompliance.OnnxRuntime.{RepoPaths.Version}.nupkg")), "FaceCompliance.OnnxRuntime is still packed.");
    }

    /// <summary>Every package has the version of Directory.Build.props and a description.</summary>
    [Fact]
    public void Every_package_has_the_one_version_and_a_description()
    {
        foreach (string id in PackageFeed.PackageIds)
        {
            Assert.Equal(id, Metadata(id, "id"));
            Assert.Equal(RepoPaths.Version, Metadata(id, "version"));
            Assert.False(string.IsNullOrWhiteSpace(Metadata(id, "description")), $"{id} has no description.");
        }
    }

    private string? Metadata(string id, string element) =>
        feed.Nuspec(id).Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;

    private IReadOnlyList<Dependency> Dependencies(string id) =>
        feed.Nuspec(id).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => new Dependency(
                (string)e.Attribute("id")!,
                (string)e.Attribute("version")!,
                (string?)e.Attribute("include"),
                (string?)e.Attribute("exclude")))
            .ToList();

    private sealed record Dependency(string Id, string Version, string? Include, string? Exclude);
}
