using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace FaceCompliance.Benchmarks.GalleryScan;

/// <summary>
/// One running faiss_scan (the C++ program next to this file, built against Debian's libfaiss-dev): it loads the
/// data file once, then runs one command per request, so its rounds can be interleaved with ours.
/// </summary>
internal sealed class FaissScan : IDisposable
{
    /// <summary>What to run when FAISS or g++ is missing (Debian 12 gives FAISS 1.7.3).</summary>
    public const string InstallCommand = "sudo apt-get install -y libfaiss-dev g++";

    /// <summary>What to run for the extra fp32 batch row with an optimised sgemm.</summary>
    public const string OpenBlasCommand = "sudo apt-get install -y libopenblas0-serial";

    private readonly Process process;
    private readonly StringBuilder errors = new();

    private FaissScan(Process process, string? libraryDirectory)
    {
        this.process = process;
        LibraryDirectory = libraryDirectory;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var ready = ReadLine();
        if (!ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw Failure($"faiss_scan did not start: {ready}");
        }

        Fields = ParseReady(ready["ready ".Length..]);
        if (!Fields.ContainsKey("blas") || !Fields.ContainsKey("blas_threads"))
        {
            throw Failure($"faiss_scan: unexpected first line: {ready}");
        }
    }

    /// <summary>The directory put first on LD_LIBRARY_PATH to choose a BLAS, or null for the system's libblas.so.3.</summary>
    public string? LibraryDirectory { get; }

    /// <summary>The key=value fields of the program's "ready" line: blas, blas_threads, omp_threads, blas_threshold, sq_range.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The BLAS library FAISS calls in this process, as the program found it in its memory map.</summary>
    public string Blas => Fields["blas"];

    /// <summary>The CPU time the process has used, in seconds.</summary>
    public double ProcessorSeconds
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalSeconds;
        }
    }

    /// <summary>Whether that BLAS is OpenBLAS.</summary>
    public bool IsOpenBlas => Blas.Contains("openblas", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short name for the table: which BLAS.</summary>
    public string BlasName => IsOpenBlas
        ? $"OpenBLAS{(Fields["blas_threads"].Contains("SINGLE_THREADED", StringComparison.Ordinal) ? " serial" : string.Empty)}, {Fields["blas_threads"].Split(' ')[0]} thread"
        : Blas.Contains("/blas/", StringComparison.Ordinal) ? "reference BLAS" : Path.GetFileName(Blas);

    /// <summary>
    /// Builds the C++ program if its binary is missing or older than its source. Returns the binary, or null with a
    /// message saying what is missing and what to install.
    /// </summary>
    public static string? Build(string source, string binary, out string? problem)
    {
        problem = null;
        if (!File.Exists(source))
        {
            problem = $"{source} is missing.";
            return null;
        }

        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        // -O2 only, no -march: FAISS's code is in Debian's prebuilt libfaiss.a; this file only drives it.
        var arguments = new[] { "-O2", "-std=c++17", "-fopenmp", source, "-o", binary, "-lfaiss", "-lblas", "-llapack" };
        Console.WriteLine($"Compiling: g++ {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo("g++") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var gxx = Process.Start(start)!;
            var stderr = gxx.StandardError.ReadToEndAsync();
            var stdout = gxx.StandardOutput.ReadToEnd();
            gxx.WaitForExit();
            if (gxx.ExitCode != 0)
            {
                File.Delete(binary);
                problem = $"g++ could not build {Path.GetFileName(source)} (is libfaiss-dev installed?):\n{stdout}{stderr.Result}";
                return null;
            }
        }
        catch (Win32Exception)
        {
            problem = "g++ was not found.";
            return null;
        }

        return binary;
    }

    /// <summary>The OpenBLAS directories Debian installs (libopenblas0-serial, -pthread, -openmp), each with its own libblas.so.3.</summary>
    public static string? FindOpenBlasDirectory()
    {
        foreach (var flavour in new[] { "openblas-serial", "openblas-pthread", "openblas-openmp" })
        {
            foreach (var lib in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib" })
            {
                var dir = Path.Combine(lib, flavour);
                if (File.Exists(Path.Combine(dir, "libblas.so.3")))
                {
                    return dir;
                }
            }
        }

        return null;
    }

    /// <summary>Starts the program on a data file; one thread for OpenMP and OpenBLAS.</summary>
    public static FaissScan Start(string binary, string dataFile, string? libraryDirectory)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dataFile);
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        if (libraryDirectory is not null)
        {
            var old = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            start.Environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(old) ? libraryDirectory : libraryDirectory + ":" + old;
        }

        return new FaissScan(Process.Start(start)!, libraryDirectory);
    }

    /// <summary>
    /// Writes the data file faiss_scan reads: int32 rows, dim, probes, then the gallery's stored (normalised) floats
    /// and the probes, little-endian.
    /// </summary>
    public static void WriteData(string path, ReadOnlySpan<float> gallery, int dimension, ReadOnlySpan<float> probes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(file);
        writer.Write(gallery.Length / dimension);
        writer.Write(dimension);
        writer.Write(probes.Length / dimension);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(gallery));
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(probes));
    }

    /// <summary>Runs one timed command ("fp32-single 16", "int8-batch 64", ...) and returns FAISS's own time for it, in seconds.</summary>
    public double Time(string command, int n)
    {
        process.StandardInput.WriteLine(FormattableString.Invariant($"{command} {n}"));
        var reply = ReadLine();
        var parts = reply.Split(' ');
        return parts.Length == 2 && parts[0] == command && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw Failure($"faiss_scan answered '{reply}' to '{command} {n}'.");
    }

    /// <summary>The top-10 labels (gallery rows) of probes 0..n-1, fp32 (IndexFlatIP) and int8 (the scalar quantizer), 10 per probe.</summary>
    public (long[] Fp32, long[] Int8) Top(int n)
    {
        process.StandardInput.WriteLine(FormattableString.Invariant($"top {n}"));
        long[] Parse(string kind)
        {
            var reply = ReadLine();
            var parts = reply.Split(' ');
            return parts.Length >= 2 && parts[0] == "top" && parts[1] == kind
                ? parts[2..].Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray()
                : throw Failure($"faiss_scan answered '{reply}' to 'top {n}'.");
        }

        return (Parse("fp32"), Parse("int8"));
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine("quit");
                process.StandardInput.Close();
                if (!process.WaitForExit(10_000))
                {
                    process.Kill();
                }
            }
        }
        catch (IOException)
        {
            // It has gone already.
        }

        process.Dispose();
    }

    private static Dictionary<string, string> ParseReady(string fields)
    {
        // key=value pairs; a value may hold spaces up to the next " key=" (blas_threads does).
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new[] { "blas", "blas_threads", "omp_threads", "blas_threshold", "sq_range" };
        for (var i = 0; i < keys.Length; i++)
        {
            var at = fields.IndexOf(keys[i] + "=", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var from = at + keys[i].Length + 1;
            var end = i + 1 < keys.Length ? fields.IndexOf(" " + keys[i + 1] + "=", from, StringComparison.Ordinal) : -1;
            result[keys[i]] = end < 0 ? fields[from..] : fields[from..end];
        }

        return result;
    }

    private string ReadLine() =>
        process.StandardOutput.ReadLine() ?? throw Failure("faiss_scan stopped.");

    private InvalidOperationException Failure(string message)
    {
        process.WaitForExit(2000);
        lock (errors)
        {
            return new InvalidOperationException(errors.Length == 0 ? message : $"{message}\n{errors}");
        }
    }
}
