using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// Packs the packages once for all package tests and prepares the consumer project:
/// <list type="number">
/// <item>a temporary folder outside the repository (so that none of the repository's MSBuild or NuGet files apply);</item>
/// <item><c>dotnet pack</c> of the three packable projects into <c>feed/</c>, with a separate <c>ArtifactsPath</c>, so that
/// nothing in the repository's bin/ and obj/ folders, which other test projects build at the same time, is touched;</item>
/// <item>a nuget.config that lists the feed and the machine's normal sources (plus its global packages folder, read as a
/// local source, so packages the machine already has are not downloaded again), maps the FaceCompliance ids to the feed
/// alone, and restores into a new, empty packages folder: no stale copy of a FaceCompliance package can be used;</item>
/// <item>the consumer project (<see cref="ConsumerProject"/>), restored once.</item>
/// </list>
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    /// <summary>The packages, by id (ONNX Runtime comes from Microsoft's package Microsoft.ML.OnnxRuntime).</summary>
    public static readonly string[] PackageIds = ["FaceCompliance.Annotations", "FaceCompliance", "FaceCompliance.Sqlite", "FaceCompliance.Vision", "FaceCompliance.PostgreSql"];

    // The packable projects; their project references (analyzers, code fixes, generators, report task) come along.
    private static readonly string[] PackedProjects =
    [
        "src/Runtime/FaceCompliance.Annotations/FaceCompliance.Annotations.csproj",
        "src/Runtime/FaceCompliance/FaceCompliance.csproj",
        "src/Runtime/FaceCompliance.Sqlite/FaceCompliance.Sqlite.csproj",
        "src/Runtime/FaceCompliance.Vision/FaceCompliance.Vision.csproj",
        "src/Runtime/FaceCompliance.PostgreSql/FaceCompliance.PostgreSql.csproj",
    ];

    private const string FeedKey = "facecompliance-test-feed";

    /// <summary>Creates the fixture; the work happens in <see cref="InitializeAsync"/>.</summary>
    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "facecompliance-package-tests", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..28]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "nuget-packages");
        Consumer = new ConsumerProject(Path.Combine(Root, "consumer"), RepoPaths.Version);
    }

    /// <summary>The temporary folder that holds everything.</summary>
    public string Root { get; }

    /// <summary>The local feed the packages were packed into.</summary>
    public string Feed { get; }

    /// <summary>The consumer's own, initially empty, NuGet global packages folder.</summary>
    public string PackagesFolder { get; }

    /// <summary>The consumer project.</summary>
    internal ConsumerProject Consumer { get; }

    /// <summary>The environment of every consumer command: its own packages folder.</summary>
    internal IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["NUGET_FALLBACK_PACKAGES"] = null,
    };

    /// <summary>The pack command's outcome.</summary>
    internal DotnetResult Pack { get; private set; } = null!;

    /// <summary>The consumer's restore outcome.</summary>
    internal DotnetResult Restore { get; private set; } = null!;

    /// <summary>Why the fixture failed, if it did; every test then fails with it.</summary>
    public string? Failure { get; private set; }

    /// <summary>The path of a package in the feed.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="extension">nupkg or snupkg.</param>
    /// <returns>The path.</returns>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{RepoPaths.Version}.{extension}");

    /// <summary>The entries of a package, with forward slashes.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The entry names.</returns>
    public IReadOnlyList<string> Entries(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The length of one entry of a package.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="entry">The entry name.</param>
    /// <returns>Its uncompressed length.</returns>
    public long EntryLength(string id, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        return (zip.GetEntry(entry) ?? throw new InvalidOperationException($"{id} has no {entry}.")).Length;
    }

    /// <summary>The text of one entry of a package.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="entry">The entry name.</param>
    /// <returns>Its text.</returns>
    public string EntryText(string id, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        ZipArchiveEntry found = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{id} has no {entry}.");
        using var reader = new StreamReader(found.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A package's .nuspec.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The manifest.</returns>
    public XDocument Nuspec(string id) => XDocument.Parse(EntryText(id, id + ".nuspec"));

    /// <summary>Throws the fixture's failure, if any, so that each test reports it.</summary>
    public void EnsureReady()
    {
        if (Failure is not null)
        {
            throw new InvalidOperationException(Failure);
        }
    }

    /// <summary>Builds the consumer project (already restored) with more arguments.</summary>
    /// <param name="arguments">Properties and the like.</param>
    /// <returns>The outcome.</returns>
    internal Task<DotnetResult> BuildConsumerAsync(params string[] arguments) =>
        DotnetRunner.RunAsync(Consumer.Directory, ConsumerEnvironment,
            ["build", Consumer.ProjectFile, "--no-restore", .. DotnetRunner.IsolatedBuildOptions, .. arguments]);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        try
        {
            Directory.CreateDirectory(Root);
            await PackAsync();
            await WriteNuGetConfigAsync();
            Consumer.WriteSource(compliant: true);
            Restore = await DotnetRunner.RunAsync(Consumer.Directory, ConsumerEnvironment,
                ["restore", Consumer.ProjectFile, "--disable-build-servers", "-nodeReuse:false", "-v:m", "-tl:off", "-nologo"]);
            if (Restore.ExitCode != 0)
            {
                Failure = "The consumer project could not restore the packed packages.\n" + Restore.Describe();
            }
        }
        catch (Exception e) when (Failure is null)
        {
            Failure = e.ToString();
        }
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("FACECOMPLIANCE_KEEP_PACKAGE_TEST") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow file system; the temporary folder is cleaned up by the system eventually.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    private async Task PackAsync()
    {
        // A solution filter names the three projects; `dotnet pack` of it packs all three in one build.
        string filter = Path.Combine(Root, "packages.slnf");
        var solutionFilter = new
        {
            solution = new
            {
                path = RepoPaths.Solution,
                projects = PackedProjects.Select(p => p.Replace('/', '\\')).ToArray(),
            },
        };
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(solutionFilter));

        Pack = await DotnetRunner.RunAsync(RepoPaths.Root, null,
        [
            "pack", filter, "-c", "Release", "-o", Feed,
            $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}",
            "-p:ContinuousIntegrationBuild=true",
            .. DotnetRunner.IsolatedBuildOptions,
        ]);
        if (Pack.ExitCode != 0)
        {
            Failure = "`dotnet pack` failed.\n" + Pack.Describe();
            throw new InvalidOperationException(Failure);
        }

        var missing = PackageIds.Where(id => !File.Exists(PackagePath(id))).ToList();
        if (missing.Count > 0)
        {
            Failure = $"`dotnet pack` did not produce {string.Join(", ", missing)} version {RepoPaths.Version} in {Feed}; it produced: "
                + string.Join(", ", Directory.EnumerateFiles(Feed).Select(Path.GetFileName)) + "\n" + Pack.Describe();
            throw new InvalidOperationException(Failure);
        }
    }

    // The machine's enabled package sources, as `dotnet nuget list source` reports them from outside any project.
    private async Task<IReadOnlyList<string>> MachineSourcesAsync()
    {
        DotnetResult list = await DotnetRunner.RunAsync(Root, null, ["nuget", "list", "source", "--format", "short"]);
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException("`dotnet nuget list source` failed.\n" + list.Describe());
        }

        return list.Output
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private async Task WriteNuGetConfigAsync()
    {
        IReadOnlyList<string> machineSources = await MachineSourcesAsync();
        var sources = new List<(string Key, string Value)> { (FeedKey, Feed) };
        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(machinePackages))
        {
            sources.Add(("machine-packages-folder", machinePackages));
        }

        for (int i = 0; i < machineSources.Count; i++)
        {
            sources.Add(($"machine-source-{i + 1}", machineSources[i]));
        }

        var config = new XDocument(
            new XElement("configuration",
                new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesFolder))),
                new XElement("packageSources",
                    new XElement("clear"),
                    sources.Select(s => new XElement("add", new XAttribute("key", s.Key), new XAttribute("value", s.Value)))),
                new XElement("fallbackPackageFolders", new XElement("clear")),
                new XElement("packageSourceMapping",
                    new XElement("packageSource", new XAttribute("key", FeedKey),
                        new XElement("package", new XAttribute("pattern", "FaceCompliance")),
                        new XElement("package", new XAttribute("pattern", "FaceCompliance.*"))),
                    sources.Skip(1).Select(s => new XElement("packageSource", new XAttribute("key", s.Key),
                        new XElement("package", new XAttribute("pattern", "*")))))));
        await File.WriteAllTextAsync(Path.Combine(Consumer.Directory, "nuget.config"), config.ToString());
    }
}

/// <summary>The package tests share one packed feed and one consumer project, and run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packages";
}
