using System;
using System.IO;
using System.Xml.Linq;

namespace FaceCompliance.Package.Tests;

/// <summary>Where things are in the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the tests that holds FaceCompliance.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The solution.</summary>
    public static string Solution => Path.Combine(Root, "FaceCompliance.sln");

    /// <summary>The version every package gets, from the one place it is set: Directory.Build.props.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>A file of the repository.</summary>
    /// <param name="relative">Its path from the root, with forward slashes.</param>
    /// <returns>Its full path.</returns>
    public static string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "FaceCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"FaceCompliance.sln was not found in {AppContext.BaseDirectory} or any folder above it; the package tests must run from a build inside the repository.");
    }

    private static string ReadVersion()
    {
        XDocument props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        foreach (XElement element in props.Descendants("Version"))
        {
            return element.Value.Trim();
        }

        throw new InvalidOperationException("Directory.Build.props sets no <Version>.");
    }
}
