using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared;

namespace FaceCompliance.Calibrate.Tests;

/// <summary>
/// A temporary folder for one run of the tool: <c>photos/</c> for the labelled photos, and <c>tmp/</c>, the tool's
/// temporary folder (TMPDIR), where its consent store lives while it runs. Deleted on dispose.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory.CreateDirectory(Photos);
        Directory.CreateDirectory(Temp);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "facecompliance-calibrate-tests-" + Guid.NewGuid().ToString("N"));

    public string Photos => Path.Combine(Root, "photos");

    public string Temp => Path.Combine(Root, "tmp");

    /// <summary>Copies a photo into the person's sub-folder; returns its new path.</summary>
    public string Add(string person, string photo, string? name = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Photos, person)).FullName;
        var path = Path.Combine(folder, name ?? Path.GetFileName(photo));
        File.Copy(photo, path);
        return path;
    }

    /// <summary>The 40 identity crops, one sub-folder per person: the PNGs, or the copies given.</summary>
    public Workspace WithIdentityCrops(IEnumerable<string>? crops = null)
    {
        foreach (var crop in crops ?? CalibratePaths.IdentityCrops)
        {
            Add(Person(crop), crop);
        }

        return this;
    }

    /// <summary>The person of an identity crop: its name without the digits (amy3.png: amy).</summary>
    public static string Person(string crop) => new(Path.GetFileNameWithoutExtension(crop).TakeWhile(char.IsLetter).ToArray());

    /// <summary>Runs <c>dotnet FaceCompliance.Calibrate.dll</c> with the arguments, in <see cref="Root"/>.</summary>
    public Task<DotnetRun> RunAsync(params string[] arguments) =>
        DotnetProcess.RunAsync(Root, [CalibratePaths.ToolDll, .. arguments], TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["TMPDIR"] = Temp });

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
