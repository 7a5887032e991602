using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// A consumer of the packages gets the native libraries (ONNX Runtime, SkiaSharp) for every runtime identifier that ONNX Runtime 1.32.0 ships:
/// the compliant consumer is published framework-dependent with <c>-r RID</c> for each, and each native library in
/// the output is checked by its header to be built for that platform and processor. Only linux-x64 can run here; that
/// one is also run.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RuntimePublishTests(PackageFeed feed, ITestOutputHelper output)
{
    /// <summary>The runtime identifiers with a native library in Microsoft.ML.OnnxRuntime 1.32.0 (android and ios aside).</summary>
    public static TheoryData<string> RuntimeIdentifiers => new() { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx-arm64" };

    /// <summary>Publishes for one runtime identifier and checks every native library the packages bring for it.</summary>
    /// <param name="rid">The runtime identifier.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(RuntimeIdentifiers))]
    public async Task Publishing_for_a_runtime_identifier_brings_its_native_libraries(string rid)
    {
        feed.EnsureReady();
        var app = new ConsumerProject(Path.Combine(feed.Root, "publish-" + rid), RepoPaths.Version);
        app.WriteSource(compliant: true);
        File.Copy(Path.Combine(feed.Consumer.Directory, "nuget.config"), Path.Combine(app.Directory, "nuget.config"), overwrite: true);
        string published = Path.Combine(app.Directory, "published");

        DotnetResult publish = await DotnetRunner.RunAsync(app.Directory, feed.ConsumerEnvironment,
        [
            "publish", app.ProjectFile, "-r", rid, "--self-contained", "false", "-p:UseAppHost=false", "-o", published,
            .. DotnetRunner.IsolatedBuildOptions,
        ]);
        output.WriteLine($"{publish.CommandLine}: exit {publish.ExitCode}, {publish.Elapsed.TotalSeconds:F1} s");

        Assert.True(publish.ExitCode == 0, $"Publishing for {rid} failed.\n" + publish.Describe());
        (string os, string architecture) = (rid.Split('-')[0], rid.Split('-')[1]);
        string format = os switch { "win" => "PE", "linux" => "ELF", _ => "Mach-O" };
        foreach (string library in NativeLibraries(os))
        {
            string path = Path.Combine(published, library);
            Assert.True(File.Exists(path), $"{library} is not in the {rid} output; it has: {string.Join(", ", Directory.GetFiles(published).Select(Path.GetFileName).Order())}");
            NativeBinary binary = NativeBinary.Read(path);
            output.WriteLine($"{rid}: {library} {new FileInfo(path).Length:N0} bytes, {binary}");
            Assert.Equal(format, binary.Format);
            Assert.Contains(architecture, binary.Architectures);
        }

        if (rid == "linux-x64")
        {
            DotnetResult run = await DotnetRunner.RunAsync(app.Directory, feed.ConsumerEnvironment,
                [Path.Combine(published, "Consumer.dll"), Path.Combine(app.Directory, "published.db")]);
            Assert.True(run.ExitCode == 0, "The published application failed.\n" + run.Describe());
            Assert.Contains("onnxruntime: 1.32.0", run.Output);
            Assert.Contains("decoded png: 1x1", run.Output);
        }
    }

    // The native library of each dependency that has one (ONNX Runtime, SkiaSharp), by the platform's file naming.
    private static IEnumerable<string> NativeLibraries(string os) => os switch
    {
        "win" => ["onnxruntime.dll", "libSkiaSharp.dll"],
        "linux" => ["libonnxruntime.so", "libSkiaSharp.so"],
        _ => ["libonnxruntime.dylib", "libSkiaSharp.dylib"],
    };
}
