using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FaceCompliance.Browser.Tests;

/// <summary>Where the repository, the sample's build output, the shared photographs and the screenshots are.</summary>
internal static class BrowserPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>samples/CommunityAccess/bin/&lt;configuration&gt;/net10.0/, which the project reference builds first.</summary>
    public static string SampleOutput { get; } = Metadata("SampleOutput");

    /// <summary>../shared/data/faces next to the repository.</summary>
    public static string Faces => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "faces"));

    /// <summary>A photograph from the shared folder, failing clearly when it is missing.</summary>
    public static string Face(string relative)
    {
        string path = Path.Combine(Faces, relative);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The shared test photograph {path} is missing: the tests expect ../shared/data/faces next to the repository (see its SOURCES.md).", path);
    }

    /// <summary>
    /// Where the screenshots of each step go: TestResults/screenshots/ at the repository root (git-ignored), or the
    /// folder in FACECOMPLIANCE_SCREENSHOTS.
    /// </summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("FACECOMPLIANCE_SCREENSHOTS") is { Length: > 0 } custom
            ? Path.GetFullPath(custom)
            : Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    private static string Metadata(string key) => typeof(BrowserPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
