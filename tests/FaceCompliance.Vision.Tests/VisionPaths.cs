using System.IO;
using System.Linq;
using System.Reflection;

namespace FaceCompliance.Vision.Tests;

/// <summary>Where the repository and the shared test photographs are.</summary>
internal static class VisionPaths
{
    public static string RepositoryRoot { get; } = typeof(VisionPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>../shared/data/faces next to the repository.</summary>
    public static string Faces => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "faces"));
}
