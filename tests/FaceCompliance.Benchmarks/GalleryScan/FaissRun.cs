using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using FaceCompliance.Vision;

namespace FaceCompliance.Benchmarks.GalleryScan;

/// <summary>
/// The FAISS side of one benchmark run: faiss_scan on the system's BLAS, plus a second one on OpenBLAS when the
/// system's is not OpenBLAS and Debian's OpenBLAS is installed (only its fp32 batches differ: nothing else calls BLAS).
/// </summary>
internal sealed class FaissRun : IDisposable
{
    private const string Source = "faiss_scan.cpp";
    private readonly List<FaissScan> processes = [];

    /// <summary>The processes started: the system BLAS first.</summary>
    public IReadOnlyList<FaissScan> Processes => processes;

    /// <summary>The one on the system's libblas.so.3, or null when FAISS is left out.</summary>
    public FaissScan? Default => processes.Count > 0 ? processes[0] : null;

    /// <summary>The one on OpenBLAS chosen by LD_LIBRARY_PATH, if any.</summary>
    public FaissScan? OpenBlas => processes.Count > 1 ? processes[1] : null;

    /// <summary>libfaiss-dev's Debian version, or "?".</summary>
    public string PackageVersion { get; private set; } = "?";

    /// <summary>
    /// Builds faiss_scan if needed, writes the data file, starts the processes and waits until they have built their
    /// indexes; the data file is deleted once they have read it. False (after saying what to install) if FAISS or g++ is missing.
    /// </summary>
    public bool Start(FaceGallery gallery, float[] probes, int dimension)
    {
        var root = BenchmarkMachine.RepositoryRoot();
        var folder = Path.Combine(root, "tests", "FaceCompliance.Benchmarks", "GalleryScan");
        var binary = FaissScan.Build(Path.Combine(folder, Source), Path.Combine(folder, "obj", "faiss", "faiss_scan"), out var problem);
        if (binary is null)
        {
            Console.Error.WriteLine($"The FAISS comparison cannot run: {problem}");
            Console.Error.WriteLine($"Install FAISS (Debian 12: 1.7.3) and g++ with:\n  {FaissScan.InstallCommand}\nand, for the extra row with an optimised sgemm, OpenBLAS:\n  {FaissScan.OpenBlasCommand}");
            Console.Error.WriteLine("or run without the FAISS rows: --no-faiss (the report then says they were left out).");
            return false;
        }

        PackageVersion = DebianVersion("libfaiss-dev");
        var data = Path.Combine(Path.GetTempPath(), $"facecompliance-gallery-scan-{Environment.ProcessId}.bin");
        try
        {
            Console.WriteLine($"Writing the gallery and probes for FAISS to {data} ...");
            FaissScan.WriteData(data, gallery.StoredVectors, dimension, probes);
            Console.WriteLine("Starting faiss_scan (IndexFlatIP + IndexScalarQuantizer on the same data) ...");
            processes.Add(FaissScan.Start(binary, data, null));
            Console.WriteLine($"  BLAS: {Default!.Blas}, threads {Default.Fields["blas_threads"]}, OpenMP threads {Default.Fields["omp_threads"]}");
            if (!Default.IsOpenBlas && FaissScan.FindOpenBlasDirectory() is { } openBlas)
            {
                processes.Add(FaissScan.Start(binary, data, openBlas));
                Console.WriteLine($"  and on OpenBLAS: {OpenBlas!.Blas}, threads {OpenBlas.Fields["blas_threads"]}");
            }
        }
        finally
        {
            File.Delete(data);
        }

        return true;
    }

    /// <summary>
    /// The FAISS rows to time right after <paramref name="ours"/>: one per process for fp32 batches (the BLAS differs),
    /// one otherwise. None when FAISS is left out.
    /// </summary>
    public IEnumerable<Program.Scan> Rows(Program.Scan ours, string command, string name, int runs, int queriesPerPass)
    {
        foreach (var p in processes)
        {
            var batchFp32 = command == "fp32-batch";
            if (p != Default && !batchFp32)
            {
                continue;
            }

            var n = runs * queriesPerPass;
            yield return new Program.Scan(batchFp32 ? $"{name}, sgemm from {p.BlasName}" : name, null, runs, queriesPerPass, ours.Bytes, ours.Floor)
            {
                External = () => p.Time(command, n),
                Ours = ours,
                Command = command,
            };
        }
    }

    /// <summary>Top-1 and top-10 agreement of FAISS and FaceGallery on the benchmark probes (printed as well).</summary>
    public IReadOnlyList<Agreement> Compare(FaceGallery gallery, float[] probes, int dimension)
    {
        if (Default is null)
        {
            return [];
        }

        var n = probes.Length / dimension;
        Console.WriteLine($"Comparing FAISS and FaceGallery top-{Program.K} on the {n} benchmark probes ...");
        int[] Rows(GalleryMatch[][] results) =>
            results.SelectMany(r => r.Select(m => int.Parse(m.Id.AsSpan(1), CultureInfo.InvariantCulture))).ToArray();
        var ours32 = Rows(gallery.SearchBatch(probes, Program.K));
        var ours8 = Rows(gallery.SearchBatch(probes, Program.K, GalleryPrecision.Int8));
        var result = new List<Agreement>();
        long[]? faiss8 = null;
        foreach (var p in processes)
        {
            var (f32, f8) = p.Top(n);
            faiss8 ??= f8;
            result.Add(Count($"FAISS IndexFlatIP ({(n >= int.Parse(p.Fields["blas_threshold"], CultureInfo.InvariantCulture) ? "sgemm from " + p.BlasName : "no BLAS")}) vs FaceGallery fp32", f32, ours32, n));
        }

        result.Add(Count("FAISS QT_8bit_uniform vs FaceGallery int8", faiss8!, ours8, n));
        result.Add(Count("FAISS QT_8bit_uniform vs FaceGallery fp32 (exact)", faiss8!, ours32, n));
        result.Add(Count("FaceGallery int8 vs FaceGallery fp32 (exact)", ours8.Select(r => (long)r).ToArray(), ours32, n));
        foreach (var a in result)
        {
            Console.WriteLine($"  {a.Name}: top-1 {a.Top1}/{a.Probes}, top-10 ids in common {a.Top10}/{a.Probes * Program.K}");
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var p in processes)
        {
            p.Dispose();
        }
    }

    private static Agreement Count(string name, long[] theirs, int[] ours, int probes)
    {
        var k = Program.K;
        var top1 = 0;
        var top10 = 0;
        for (var p = 0; p < probes; p++)
        {
            top1 += theirs[p * k] == ours[p * k] ? 1 : 0;
            var mine = ours.AsSpan(p * k, k).ToArray().ToHashSet();
            top10 += theirs.AsSpan(p * k, k).ToArray().Count(label => mine.Contains((int)label));
        }

        return new Agreement(name, probes, top1, top10);
    }

    private static string DebianVersion(string package)
    {
        try
        {
            var start = new ProcessStartInfo("dpkg-query") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-W", "-f=${Version}", package })
            {
                start.ArgumentList.Add(a);
            }

            using var dpkg = Process.Start(start)!;
            var version = dpkg.StandardOutput.ReadToEnd().Trim();
            dpkg.WaitForExit();
            return dpkg.ExitCode == 0 && version.Length > 0 ? version : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>How often two searches agree on the same probes.</summary>
    internal sealed record Agreement(string Name, int Probes, int Top1, int Top10);
}
