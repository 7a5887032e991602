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

    /// <summary>The 40 identity crops as PNG, 150x150 (8 people x 5, named person1.png to person5.png).</summary>
    public static string[] IdentityCrops => Directory.GetFiles(Path.Combine(Faces, "identities"), "*.png").Order().ToArray();

    /// <summary>The same 40 crops as binary PPM (person1.ppm to person5.ppm): the same pixels, byte for byte.</summary>
    public static string[] IdentityPpms => Directory.GetFiles(Path.Combine(Faces, "ppm", "identities"), "*.ppm").Order().ToArray();

    /// <summary>A whole photo from the shared scenes, e.g. "obama_1.jpg".</summary>
    public static string Scene(string file) => Path.Combine(Faces, "scenes", file);

    private static string Metadata(string key) => typeof(CalibratePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
