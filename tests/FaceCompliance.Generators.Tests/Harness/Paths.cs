using System.IO;
using System.Linq;
using System.Reflection;

namespace FaceCompliance.Generators.Tests.Harness;

/// <summary>Where the repository and this test project are, recorded at build time.</summary>
internal static class Paths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string TestProject { get; } = Metadata("TestProjectDirectory");

    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", name);

    private static string Metadata(string key) => typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
