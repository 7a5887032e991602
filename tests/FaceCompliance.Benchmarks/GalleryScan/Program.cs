using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Threading.Tasks;
using FaceCompliance.Vision;

namespace FaceCompliance.Benchmarks.GalleryScan;

/// <summary>
/// Measures <see cref="FaceGallery"/>'s 1:N scan against a plain read of the same memory and against FAISS
/// (faiss_scan.cpp, built here against Debian's libfaiss-dev and run in the same rounds), in one run.
/// <code>
/// dotnet run -c Release --project tests/FaceCompliance.Benchmarks/GalleryScan -- [options]
///   --rows N        templates in the gallery (default 100000)
///   --dim D         template length (default 512)
///   --reps R        timed repetitions per scan; the median is reported (default 15)
///   --queries Q     single queries per repetition (default 16)
///   --batch B       probes per batch (default 64)
///   --agreement N   probes of each kind for the int8-vs-fp32 top-1 comparison (default 1000)
///   --seed S        data seed (default 20251122)
///   --out PATH      report file (default docs/benchmarks/gallery-scan.md; "-" for none)
///   --no-faiss      leave out the FAISS rows (otherwise a missing libfaiss-dev or g++ stops the run)
/// </code>
/// </summary>
internal static class Program
{
    internal const int K = 10;
    private const double SingleGoal = 1.2;
    private const double FaissGoal = 1.1;

    private static double sink;

    private static int Main(string[] args)
    {
        if (BenchmarkArguments.Parse(args, Options.Parse, "[--rows N] [--dim D] [--reps R] [--queries Q] [--batch B] [--agreement N] [--seed S] [--out PATH|-] [--no-faiss]") is not { } options
            || !BenchmarkMachine.IsOptimised(typeof(FaceGallery).Assembly))
        {
            return 2;
        }

        var loadBefore = BenchmarkMachine.LoadAverage();
        var d = options.Dim;
        Console.WriteLine($"Building a gallery of {options.Rows:N0} x {d} random templates (fp32 + int8 copy) ...");
        var random = new Random(options.Seed);
        var targets = Enumerable.Range(0, options.Agreement).Select(_ => random.Next(options.Rows)).ToArray();
        var wanted = targets.ToHashSet();
        var kept = new Dictionary<int, float[]>();
        using var gallery = new FaceGallery(d, keepInt8Copy: true, initialCapacity: options.Rows);
        var row = new float[d];
        var build = Stopwatch.StartNew();
        for (var r = 0; r < options.Rows; r++)
        {
            Gaussian(random, row, 1);
            gallery.Add(Id(r), row);
            if (wanted.Contains(r))
            {
                kept[r] = Normalised(row);
            }
        }

        Console.WriteLine($"  built in {build.Elapsed.TotalSeconds:F1} s");
        var probes = new float[Math.Max(options.Queries, options.Batch) * d];
        Gaussian(random, probes, 1);
        for (var p = 0; p < probes.Length / d; p++)
        {
            Normalised(probes.AsSpan(p * d, d)).CopyTo(probes.AsSpan(p * d, d));
        }

        var fp32Bytes = (double)options.Rows * d * sizeof(float);
        var int8Bytes = (double)options.Rows * d;

        var batch = probes.AsSpan(0, options.Batch * d).ToArray();
        using var faiss = new FaissRun();
        if (options.Faiss && !faiss.Start(gallery, probes, d))
        {
            return 3;
        }

        void Queries(GalleryPrecision precision)
        {
            for (var q = 0; q < options.Queries; q++)
            {
                sink += gallery.Search(probes.AsSpan(q * d, d), K, precision)[0].Similarity;
            }
        }

        var floor32 = new Scan("plain read, fp32 (TensorPrimitives.Sum over the gallery's float[])", () => sink += TensorPrimitives.Sum(gallery.StoredVectors), 1, 1, fp32Bytes, null);
        var floor8 = new Scan("plain read, int8 (TensorPrimitives.Sum over the gallery's sbyte[])", () => sink += TensorPrimitives.Sum(gallery.StoredCodes), 1, 1, int8Bytes, null);
        var floor32x2 = new Scan("plain read, fp32, 2 threads (halves in parallel)", () => sink += ParallelSum(gallery), 1, 1, fp32Bytes, null);
        var single32 = new Scan($"single query top-{K}, fp32 (FaceGallery.Search)", () => Queries(GalleryPrecision.Float32), options.Queries, 1, fp32Bytes, floor32);
        var batch32 = new Scan($"batch of {options.Batch}, top-{K}, fp32 (FaceGallery.SearchBatch)", () => sink += gallery.SearchBatch(batch, K)[0][0].Similarity, 1, options.Batch, fp32Bytes, floor32);
        var single8 = new Scan($"single query top-{K}, int8", () => Queries(GalleryPrecision.Int8), options.Queries, 1, int8Bytes, floor8);
        var batch8 = new Scan($"batch of {options.Batch}, top-{K}, int8", () => sink += gallery.SearchBatch(batch, K, GalleryPrecision.Int8)[0][0].Similarity, 1, options.Batch, int8Bytes, floor8);
        Scan[] scans =
        [
            floor32,
            single32,
            .. faiss.Rows(single32, "fp32-single", $"FAISS IndexFlatIP, single query top-{K}", options.Queries, 1),
            new($"single query top-{K}, fp32, TensorPrimitives.Dot per row (alternative)", () =>
            {
                for (var q = 0; q < options.Queries; q++)
                {
                    sink += DotPerRow(gallery, probes.AsSpan(q * d, d));
                }
            }, options.Queries, 1, fp32Bytes, floor32),
            batch32,
            .. faiss.Rows(batch32, "fp32-batch", $"FAISS IndexFlatIP, batch of {options.Batch}, top-{K}", 1, options.Batch),
            floor8,
            single8,
            .. faiss.Rows(single8, "int8-single", $"FAISS IndexScalarQuantizer QT_8bit_uniform, single query top-{K}", options.Queries, 1),
            new($"single query top-{K}, int8 then fp32 rescoring of {Math.Max(K * FaceGallery.RescoreCandidates, 32)}", () => Queries(GalleryPrecision.Int8Rescored), options.Queries, 1, int8Bytes, floor8),
            batch8,
            .. faiss.Rows(batch8, "int8-batch", $"FAISS IndexScalarQuantizer QT_8bit_uniform, batch of {options.Batch}, top-{K}", 1, options.Batch),
            floor32x2,
            new($"single queries top-{K}, fp32, 2 concurrent threads", () =>
                Parallel.For(0, options.Queries, new ParallelOptions { MaxDegreeOfParallelism = 2 }, q =>
                {
                    var similarity = gallery.Search(probes.AsSpan(q * d, d), K)[0].Similarity;
                    lock (probes)
                    {
                        sink += similarity;
                    }
                }), options.Queries, 1, fp32Bytes, floor32x2),
        ];

        Console.WriteLine($"Measuring {scans.Length} scans, {options.Reps} rounds, each scan once per round ...");
        var cpuBefore = CpuSnapshot.Take(faiss);
        MeasureInterleaved(scans, options.Reps);
        var others = CpuSnapshot.Take(faiss).OthersShare(cpuBefore);

        Console.WriteLine("Comparing int8 with fp32 top-1 ...");
        var agreement = Agreement(gallery, kept, targets, options, random);
        var faissAgreement = faiss.Compare(gallery, probes, d);
        var loadAfter = BenchmarkMachine.LoadAverage();

        var report = Report(options, scans, new Key(single32, batch32, single8, batch8), faiss, faissAgreement, agreement, loadBefore, loadAfter, others);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out != "-")
        {
            var path = options.Out ?? Path.Combine(BenchmarkMachine.RepositoryRoot(), "docs", "benchmarks", "gallery-scan.md");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, report);
            Console.WriteLine($"Written to {path}");
        }

        return sink == 12345.678 ? 1 : 0;
    }

    /// <summary>The scan as a user without the blocked kernel would write it: one TensorPrimitives.Dot per row.</summary>
    private static float DotPerRow(FaceGallery gallery, ReadOnlySpan<float> probe)
    {
        var vectors = gallery.StoredVectors;
        var d = gallery.Dimension;
        var top = new TopK(K);
        for (var r = 0; r < gallery.Count; r++)
        {
            top.Offer(TensorPrimitives.Dot(vectors.Slice(r * d, d), probe), r);
        }

        return top.ToSortedArray()[0].Score;
    }

    private static float ParallelSum(FaceGallery gallery)
    {
        var half = gallery.StoredVectors.Length / 2;
        var sums = new float[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var all = gallery.StoredVectors;
            sums[i] = TensorPrimitives.Sum(i == 0 ? all[..half] : all[half..]);
        });
        return sums[0] + sums[1];
    }

    /// <summary>
    /// Times every scan once per round, round after round, so slow drifts of the machine (other tenants, frequency)
    /// affect a scan and its floor alike; three warm-up rounds first.
    /// </summary>
    private static void MeasureInterleaved(Scan[] scans, int rounds)
    {
        for (var w = 0; w < 3; w++)
        {
            foreach (var scan in scans)
            {
                Run(scan);
            }
        }

        foreach (var scan in scans)
        {
            scan.Seconds = new double[rounds];
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var scan in scans)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                scan.Seconds[round] = Run(scan) / scan.Runs;
            }
        }
    }

    /// <summary>Runs a scan's passes once; its time in seconds (a FAISS scan reports the time its own process measured).</summary>
    private static double Run(Scan scan)
    {
        if (scan.External is { } external)
        {
            return external();
        }

        var watch = Stopwatch.StartNew();
        scan.Body!();
        return watch.Elapsed.TotalSeconds;
    }

    private static AgreementResult Agreement(FaceGallery gallery, Dictionary<int, float[]> kept, int[] targets, Options options, Random random)
    {
        var d = options.Dim;
        var n = targets.Length;

        // Well separated: a gallery template plus noise of norm 1.2 (true cosine about 0.64, impostors about 0.2).
        var near = new float[n * d];
        var noise = new float[d];
        for (var p = 0; p < n; p++)
        {
            Gaussian(random, noise, 1.2 / Math.Sqrt(d));
            TensorPrimitives.Add(kept[targets[p]], noise, near.AsSpan(p * d, d));
        }

        var unrelated = new float[n * d];
        Gaussian(random, unrelated, 1);

        (int Int8, int Rescored, int Correct) Compare(float[] probes, int[]? truth)
        {
            var fp32 = gallery.SearchBatch(probes, 1);
            var int8 = gallery.SearchBatch(probes, 1, GalleryPrecision.Int8);
            var rescored = gallery.SearchBatch(probes, 1, GalleryPrecision.Int8Rescored);
            var int8Agree = Enumerable.Range(0, n).Count(p => int8[p][0].Id == fp32[p][0].Id);
            var rescoredAgree = Enumerable.Range(0, n).Count(p => rescored[p][0].Id == fp32[p][0].Id);
            var correct = truth is null ? -1 : Enumerable.Range(0, n).Count(p => fp32[p][0].Id == Id(truth[p]));
            return (int8Agree, rescoredAgree, correct);
        }

        return new AgreementResult(n, Compare(near, targets), Compare(unrelated, null));
    }

    private static string Report(Options options, Scan[] rows, Key key, FaissRun faiss, IReadOnlyList<FaissRun.Agreement> faissAgreement, AgreementResult agreement, string loadBefore, string loadAfter, double? others)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var hasFaiss = faiss.Default is not null;
        sb.AppendLine("# Gallery scan: 1:N search over 100,000 x 512 templates");
        sb.AppendLine();
        sb.AppendLine("Written by `dotnet run -c Release --project tests/FaceCompliance.Benchmarks/GalleryScan` (issue 5, benchmark (b) and (c)). It builds a");
        sb.AppendLine(inv, $"`FaceGallery` of {options.Rows:N0} random normalised {options.Dim}-value templates with its int8 copy, and times, in the same");
        sb.AppendLine("process and one after another, a plain read of the gallery's own memory (`TensorPrimitives.Sum` over the `float[]`, or the");
        sb.AppendLine("`sbyte[]` for int8: the floor any scan must pay) and the searches. Each figure is the median of");
        sb.AppendLine(inv, $"{options.Reps} rounds after 3 warm-up rounds; a round runs every scan once, in table order (a single-query scan is {options.Queries} queries). Everything runs on one thread");
        sb.AppendLine("except the last two rows. \"vs plain read\" divides the time of one pass (one query, or one whole batch) by the plain read of");
        sb.AppendLine("the same bytes in the same round (median of the per-round ratios); the goal for a single query is <= 1.2x. The plain read leaves prefetching to the hardware; the single-query");
        sb.AppendLine("scans also prefetch in software, 4 KiB ahead, which is why one can come out slightly below 1.00x.");
        sb.AppendLine();
        if (hasFaiss)
        {
            sb.AppendLine("The FAISS rows (issue 5 (b) and (c)) come from `faiss_scan.cpp`, next to the program, which the program compiles with g++");
            sb.AppendLine("against Debian's `libfaiss-dev` (when the source is newer than the binary in the git-ignored `obj/faiss/`). The program");
            sb.AppendLine("writes the gallery's stored (normalised) floats and the same probes to a temporary file; the C++ program builds");
            sb.AppendLine("`faiss::IndexFlatIP` and `faiss::IndexScalarQuantizer` (`QT_8bit_uniform`, `METRIC_INNER_PRODUCT`, trained on the");
            sb.AppendLine("whole gallery) from it and then waits for commands, so every FAISS row runs in the same rounds as ours, right after");
            sb.AppendLine("our matching row, timed inside the FAISS process around its `search` calls (top-10, like ours). FAISS runs on one");
            sb.AppendLine("thread: `omp_set_num_threads(1)`, `OMP_NUM_THREADS=1`, `OPENBLAS_NUM_THREADS=1`, and `openblas_set_num_threads(1)`");
            sb.AppendLine("where the BLAS is OpenBLAS. \"ours ÷ FAISS\", on a FAISS row, divides the time of our scan of the same kind (the row");
            sb.AppendLine("above it without \"FAISS\") by the FAISS time in the same round (median of the per-round ratios): below 1.00x we are");
            sb.AppendLine(inv, $"faster; the goal is <= {FaissGoal:F1}x.");
            sb.AppendLine();
        }

        sb.AppendLine(inv, $"Machine: {BenchmarkMachine.CpuModel()}, {Environment.ProcessorCount} logical cores; {RuntimeInformation.FrameworkDescription}; Vector<T> {Vector<byte>.Count * 8} bits, AVX2 {Avx2.IsSupported}, FMA {Fma.IsSupported}, int8 kernels {(Avx2.IsSupported ? "AVX2 (vpmaddubsw sign trick for one probe, vpmaddwd for batches)" : "portable Vector<T>")}; {DateTime.UtcNow:yyyy-MM-dd} UTC; 1-minute load average {loadBefore} before, {loadAfter} after; other processes used {(others is { } o ? o.ToString("P0", inv) : "?")} of the machine's CPU time while the rounds ran (/proc/stat less this program's and FAISS's own).");
        if (hasFaiss)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"FAISS: libfaiss-dev {faiss.PackageVersion}, linked statically; FAISS uses BLAS (`sgemm`) from {faiss.Default!.Fields["blas_threshold"]} queries up (`distance_compute_blas_threshold`), so only the fp32 batch rows call it.");
            foreach (var p in faiss.Processes)
            {
                sb.AppendLine(inv, $"- {(p.LibraryDirectory is null ? "system libblas.so.3" : $"LD_LIBRARY_PATH={p.LibraryDirectory}")}: `{p.Blas}`, BLAS threads {p.Fields["blas_threads"]}, OpenMP threads {p.Fields["omp_threads"]}.");
            }

            if (faiss.OpenBlas is null && !faiss.Default!.IsOpenBlas)
            {
                sb.AppendLine(inv, $"- No OpenBLAS installed, so no row with an optimised `sgemm` (`{FaissScan.OpenBlasCommand}` adds one).");
            }
        }

        sb.AppendLine();
        sb.AppendLine(hasFaiss
            ? "| scan | per query (ms) | queries/s | GB/s read | vs plain read | ours ÷ FAISS | spread (ms, min-max) |"
            : "| scan | per query (ms) | queries/s | GB/s read | vs plain read | spread (ms, min-max) |");
        sb.AppendLine(hasFaiss ? "|---|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var pass = Median(r.Seconds);
            var perQuery = pass / r.QueriesPerPass;
            var gbs = r.Bytes / pass / 1e9;
            var isFloor = r.Floor is null;
            var ratio = PairedRatio(r);
            var versus = hasFaiss ? (r.Ours is null ? "– | " : $"**{OursOverFaiss(r).ToString("F2", inv)}x** | ") : string.Empty;
            sb.AppendLine(inv, $"| {r.Name} | {(isFloor ? "–" : (perQuery * 1e3).ToString("F2", inv))} | {(isFloor ? "–" : (1 / perQuery).ToString("N0", inv))} | {gbs:F1} | {(isFloor ? "1.00x (floor)" : ratio.ToString("F2", inv) + "x")} | {versus}{r.Seconds.Min() / r.QueriesPerPass * 1e3:F2}-{r.Seconds.Max() / r.QueriesPerPass * 1e3:F2} |");
        }

        sb.AppendLine();
        var ratio32 = PairedRatio(key.Single32);
        var ratio8 = PairedRatio(key.Single8);
        sb.AppendLine(inv, $"- Single query, fp32: {ratio32:F2}x the plain read (goal <= {SingleGoal:F1}x): {(ratio32 <= SingleGoal ? "met" : "NOT met")}.");
        sb.AppendLine(inv, $"- Single query, int8: {ratio8:F2}x the plain read of the int8 copy (goal <= {SingleGoal:F1}x): {(ratio8 <= SingleGoal ? "met" : "NOT met")}; {Median(key.Single32.Seconds) / Median(key.Single8.Seconds):F2}x faster than fp32.");
        sb.AppendLine(inv, $"- Batches: a batch of {options.Batch} reads the gallery once, so per query it costs {Median(key.Batch32.Seconds) / options.Batch / Median(key.Single32.Seconds):P0} of a single fp32 query and {Median(key.Batch8.Seconds) / options.Batch / Median(key.Single8.Seconds):P0} of a single int8 query; a batch is bound by arithmetic, not memory, so its \"vs plain read\" is above 1 by design.");
        sb.AppendLine("- \"per query\" of the 2-thread row is wall time divided by queries (throughput of two concurrent searches); its GB/s and ratio are for the two together against the 2-thread plain read.");
        if (hasFaiss)
        {
            FaissSection(sb, options, rows, faiss, faissAgreement);
        }

        sb.AppendLine();
        sb.AppendLine("## How often int8 changes the top-1");
        sb.AppendLine();
        sb.AppendLine("| probes | fp32 top-1 is the source | int8 top-1 = fp32 top-1 | int8 then fp32 rescoring = fp32 top-1 |");
        sb.AppendLine("|---|---:|---:|---:|");
        var n = agreement.Probes;
        sb.AppendLine(inv, $"| {n:N0} near a gallery template (template + noise of norm 1.2: cosine about 0.64 to the source, about 0.2 to the best other) | {agreement.Near.Correct}/{n} | {agreement.Near.Int8}/{n} ({(double)agreement.Near.Int8 / n:P1}) | {agreement.Near.Rescored}/{n} ({(double)agreement.Near.Rescored / n:P1}) |");
        sb.AppendLine(inv, $"| {n:N0} unrelated random probes (the best of {options.Rows:N0} chance matches, often within 0.001 of the next) | – | {agreement.Random.Int8}/{n} ({(double)agreement.Random.Int8 / n:P1}) | {agreement.Random.Rescored}/{n} ({(double)agreement.Random.Rescored / n:P1}) |");
        sb.AppendLine();
        sb.AppendLine("Int8 changes the top-1 only where two candidates are closer than its rounding error (about 0.001 in cosine); for a face that");
        sb.AppendLine("is in the gallery its own template is far ahead, so the result does not change. Rescoring the int8 candidates in fp32 restores");
        sb.AppendLine("the exact fp32 result where the true best is among them.");
        if (!hasFaiss)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"This run left out the FAISS comparison (issue 5 (b) and (c), `--no-faiss`); it needs `{FaissScan.InstallCommand}`.");
        }

        return sb.ToString();
    }

    private static void FaissSection(StringBuilder sb, Options options, Scan[] rows, FaissRun faiss, IReadOnlyList<FaissRun.Agreement> faissAgreement)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine();
        sb.AppendLine("## Against FAISS");
        sb.AppendLine();
        var macs = (double)options.Rows * options.Dim * options.Batch;
        var baseline = faiss.PackageVersion.StartsWith("1.7.3", StringComparison.Ordinal);
        foreach (var r in rows.Where(r => r.Ours is not null))
        {
            var ratio = OursOverFaiss(r);
            var verdict = ratio <= FaissGoal ? "met" : "NOT met";
            var line = string.Create(inv, $"- {r.Name}: ours {ratio:F2}x FAISS (goal <= {FaissGoal:F1}x): {verdict}");
            if (r.Command == "fp32-batch")
            {
                line += string.Create(inv, $". FAISS computes a batch of {faiss.Default!.Fields["blas_threshold"]} or more queries as one matrix product (`sgemm`): {2 * macs / Median(r.Seconds) / 1e9:F0} GFLOP/s on one core with this BLAS, against {2 * macs / Median(r.Ours!.Seconds) / 1e9:F0} for our {ScanKernelsTile} tile of `Vector<float>` FMAs");
                if (ratio > FaissGoal)
                {
                    line += string.Create(inv, $", which keeps {ScanKernels.RowTile * ScanKernels.ProbeTile} sums in flight and adds up each (template, probe) pair in the same order as a single query, ending with a sum across the vector (so a batch returns exactly what single searches return); `sgemm` may order its sums as it likes, and OpenBLAS runs its own kernel for this CPU family (its configuration is printed above)");
                }

                line += ".";
            }
            else
            {
                line += baseline ? " (against Debian's baseline build of FAISS: see the notes)." : ".";
            }

            sb.AppendLine(line);
        }

        sb.AppendLine();
        if (baseline)
        {
            sb.AppendLine("Notes on FAISS as Debian ships it (libfaiss-dev 1.7.3, checked with `objdump -d` on `libfaiss.a`): it is built for the");
            sb.AppendLine("x86-64 baseline, so FAISS's AVX2 code is compiled out. The single-query flat scan (`fvec_inner_product`, used below");
            sb.AppendLine("20 queries) is a scalar `mulss`/`addss` loop, so it is bound by arithmetic, not by memory; the scalar quantizer");
            sb.AppendLine("(SIMD width 1) keeps the probe in fp32 and decodes every code (min + (code + 0.5) x range / 255) before multiplying;");
            sb.AppendLine("and its search scans the codes once per query, so a batch is a loop of single scans. A FAISS built with AVX2 (the");
            sb.AppendLine("pip or conda `faiss-cpu` packages) would be a stricter opponent for the single-query and int8 rows; it is not");
            sb.AppendLine("measured here. The fp32 batch rows are the ones where FAISS's speed comes from elsewhere: the BLAS `sgemm`, which");
            sb.AppendLine("Debian resolves through the libblas.so.3 alternative (the reference netlib BLAS by default, single-threaded and");
            sb.AppendLine("unoptimised; OpenBLAS when installed).");
            sb.AppendLine();
        }

        var range = faiss.Default!.Fields["sq_range"].Split(':').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        sb.AppendLine("`QT_8bit_uniform` is the FAISS 8-bit quantizer closest to our int8: one range for every value of every template (trained");
        sb.AppendLine(inv, $"on the gallery: {range[0]:F3} to {range[0] + range[1]:F3}, 255 steps, with an offset), where ours has one symmetric scale (max |x| / 127)");
        sb.AppendLine("per template and quantises the probe too. (`QT_8bit` trains a range per dimension; `QT_8bit_direct` takes values that");
        sb.AppendLine("are already 0 to 255.)");
        sb.AppendLine();
        sb.AppendLine(inv, $"### FAISS and FaceGallery on the same {faissAgreement.FirstOrDefault()?.Probes ?? 0} probes");
        sb.AppendLine();
        sb.AppendLine(inv, $"The probes of the timed rows (unrelated random probes, where the best of {options.Rows:N0} chance matches is often within 0.001 of");
        sb.AppendLine("the next, so the hardest case for agreement), searched for the top 10 by each side:");
        sb.AppendLine();
        sb.AppendLine("| comparison | top-1 agrees | top-10 ids in common |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var a in faissAgreement)
        {
            sb.AppendLine(inv, $"| {a.Name} | {a.Top1}/{a.Probes} | {a.Top10}/{a.Probes * K} |");
        }
    }

    private static string ScanKernelsTile => $"{ScanKernels.RowTile}-row x {ScanKernels.ProbeTile}-probe";

    /// <summary>The median over rounds of (our scan's pass / this FAISS scan's pass in the same round).</summary>
    private static double OursOverFaiss(Scan faissScan) =>
        Median(faissScan.Seconds.Select((t, round) => faissScan.Ours!.Seconds[round] / t).ToArray());

    /// <summary>The median over rounds of (this scan's pass / its floor's pass in the same round): robust to load that comes and goes.</summary>
    private static double PairedRatio(Scan scan) =>
        scan.Floor is null ? 1 : Median(scan.Seconds.Select((t, round) => t / scan.Floor.Seconds[round]).ToArray());

    /// <summary>The machine's busy CPU time (/proc/stat) and ours (this process and the FAISS processes), to tell how much else ran.</summary>
    private sealed record CpuSnapshot(double MachineBusy, double Own, DateTime At)
    {
        public static CpuSnapshot Take(FaissRun faiss)
        {
            double busy = double.NaN;
            try
            {
                // cpu user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait, in clock ticks (100 a second).
                var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                busy = (ticks.Sum() - ticks[3] - ticks[4]) / 100;
            }
            catch (IOException)
            {
            }

            var own = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds + faiss.Processes.Sum(p => p.ProcessorSeconds);
            return new CpuSnapshot(busy, own, DateTime.UtcNow);
        }

        /// <summary>The share of all cores' time used by other processes since <paramref name="before"/>, or null if unknown.</summary>
        public double? OthersShare(CpuSnapshot before)
        {
            var wall = (At - before.At).TotalSeconds * Environment.ProcessorCount;
            var others = MachineBusy - before.MachineBusy - (Own - before.Own);
            return double.IsFinite(others) && wall > 0 ? Math.Max(0, others / wall) : null;
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Id(int row) => "t" + row.ToString("D6", CultureInfo.InvariantCulture);

    private static void Gaussian(Random random, Span<float> values, double sigma)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
    }

    private static float[] Normalised(ReadOnlySpan<float> values)
    {
        var result = new float[values.Length];
        TensorPrimitives.Divide(values, TensorPrimitives.Norm(values), result);
        return result;
    }

    /// <summary>One timed scan: <see cref="Body"/> runs <see cref="Runs"/> passes of <see cref="QueriesPerPass"/> queries each, reading <see cref="Bytes"/> per pass.</summary>
    internal sealed record Scan(string Name, Action? Body, int Runs, int QueriesPerPass, double Bytes, Scan? Floor)
    {
        public double[] Seconds { get; set; } = [];

        /// <summary>For a FAISS scan: runs it in the FAISS process and returns the seconds measured there (<see cref="Body"/> is null).</summary>
        public Func<double>? External { get; init; }

        /// <summary>For a FAISS scan: our scan of the same kind, for "ours ÷ FAISS".</summary>
        public Scan? Ours { get; init; }

        /// <summary>For a FAISS scan: the faiss_scan command (fp32-single, fp32-batch, int8-single, int8-batch).</summary>
        public string? Command { get; init; }
    }

    /// <summary>Our four scans the summary and the FAISS rows refer to.</summary>
    private sealed record Key(Scan Single32, Scan Batch32, Scan Single8, Scan Batch8);

    private sealed record AgreementResult(int Probes, (int Int8, int Rescored, int Correct) Near, (int Int8, int Rescored, int Correct) Random);

    private sealed record Options(int Rows, int Dim, int Reps, int Queries, int Batch, int Agreement, int Seed, string? Out, bool Faiss)
    {
        public static Options Parse(BenchmarkArguments arguments)
        {
            var o = new Options(100_000, 512, 15, 16, 64, 1000, 20251122, null, true);
            while (arguments.NextOption() is { } name)
            {
                o = name switch
                {
                    "--rows" => o with { Rows = arguments.PositiveInt() },
                    "--dim" => o with { Dim = arguments.PositiveInt() },
                    "--reps" => o with { Reps = arguments.PositiveInt() },
                    "--queries" => o with { Queries = arguments.PositiveInt() },
                    "--batch" => o with { Batch = arguments.PositiveInt() },
                    "--agreement" => o with { Agreement = arguments.PositiveInt() },
                    "--seed" => o with { Seed = arguments.PositiveInt() },
                    "--out" => o with { Out = arguments.Value() },
                    "--no-faiss" => o with { Faiss = false },
                    _ => throw new ArgumentException($"Unknown option {name}."),
                };
            }

            return o;
        }
    }
}
