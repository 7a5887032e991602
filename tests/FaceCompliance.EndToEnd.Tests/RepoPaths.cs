using System;
using System.IO;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>Where things are in the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the tests that holds FaceCompliance.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The compliant sample's project folder.</summary>
    public static string CommunityAccess => Path.Combine(Root, "samples", "CommunityAccess");

    /// <summary>The non-compliant sample's project folder.</summary>
    public static string NonCompliant => Path.Combine(Root, "samples", "NonCompliant");

    /// <summary>The Illinois time clock sample's project folder.</summary>
    public static string TimeClock => Path.Combine(Root, "samples", "TimeClock");

    /// <summary>
    /// A scratch folder for one test, <c>artifacts/e2e/&lt;name&gt;</c>, inside the repository so that its
    /// Directory.Build.props and Directory.Packages.props still apply to projects copied there.
    /// </summary>
    /// <param name="name">The test's folder name.</param>
    /// <returns>The folder's full path (not created).</returns>
    public static string Scratch(string name) => Path.Combine(Root, "artifacts", "e2e", name);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaceCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"FaceCompliance.sln was not found in {AppContext.BaseDirectory} or any folder above it; the end-to-end tests must run from a build inside the repository.");
    }
}
