using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FaceCompliance.Benchmarks;

/// <summary>What the bench programs record about the machine they ran on, and where the repository is.</summary>
internal static class BenchmarkMachine
{
    /// <summary>The 1-minute load average (Linux), or "n/a": on the shared 2-core machine it says how noisy a run was.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>The processor's model name (Linux), or "n/a".</summary>
    public static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "n/a"
        : "n/a";

    /// <summary>
    /// Whether <paramref name="measured"/> (the assembly whose speed a program measures) was built with optimisation;
    /// if not, says so on standard error: a Debug build's timings mean nothing.
    /// </summary>
    public static bool IsOptimised(Assembly measured)
    {
        if (measured.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            Console.Error.WriteLine($"{measured.GetName().Name} was built without optimisation: run with -c Release.");
            return false;
        }

        return true;
    }

    /// <summary>The repository root: the first folder above the program that holds FaceCompliance.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaceCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FaceCompliance.sln not found above " + AppContext.BaseDirectory);
    }
}
