using System.IO;
using System.Linq;
using System.Reflection;

namespace FaceCompliance.Calibrate.Tests;

/// <summary>Where the tool's build output and the shared photographs are.</summary>
internal static class CalibratePaths
{
    /// <summary>The tool's entry assembly, run with <c>dotnet</c>.</summary>
    public static string ToolDll => Path.Combine(Metadata("ToolOutput"), "FaceCompliance.Calibrate.dll");

    /// <summary>../shared/data/faces next to the repository.</summary>
    public static string Faces => Path.GetFullPath(Path.Combine(Metadata("RepositoryRoot"), "..", "shared", "data", "faces"));

    /// <summary>The 40 identity crops as PPM (8 people x 5, named person1.ppm to person5.ppm).</summary>
    public static string[] IdentityCrops => Directory.GetFiles(Path.Combine(Faces, "ppm", "identities"), "*.ppm").Order().ToArray();

    private static string Metadata(string key) => typeof(CalibratePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
