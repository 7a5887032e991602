using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FaceCompliance.Vision;

/// <summary>
/// The dot-product kernels of the gallery scan, over rows stored contiguously with stride = dimension.
/// </summary>
/// <remarks>
/// <para>
/// Every fp32 kernel computes each (row, probe) pair the same way: two <see cref="Vector{T}"/> accumulators, one
/// for the even-numbered vector blocks and one for the odd, updated in order with
/// <see cref="Vector.MultiplyAddEstimate(Vector{float}, Vector{float}, Vector{float})"/>, added, reduced with
/// <see cref="Vector.Sum{T}(Vector{T})"/>, then a scalar tail. So the single-probe and the blocked many-probe scans
/// give bit-identical scores, and a batch returns exactly what single searches return. (Two accumulators halve the
/// dependency chain of a single-probe scan; the many-probe tiles get them by making two passes over their rows.)
/// </para>
/// <para>
/// A batch scores four rows against three probes at a time (<see cref="Dot4x3"/>, twelve sums in flight); the one or
/// two probes left over from a multiple of three go through <see cref="Dot4x2"/> (a remainder of 1 as two pairs, since
/// a batch has at least two probes), and rows left over from a multiple of four through <see cref="Dot1x1"/>. Each
/// kernel adds up every pair in <see cref="Dot1x1"/>'s order, so which kernel scores a pair never changes its bits.
/// </para>
/// <para>
/// The int8 kernels compute exact 32-bit integer dot products (|q| ≤ 127, so a product fits 16 bits and two fit
/// 16 bits too), so every path gives the same integers: with AVX2, the sign trick with <c>vpmaddubsw</c> for one
/// row, <c>vpmovsxbw</c> + <c>vpmaddwd</c> for the many-probe tile; elsewhere,
/// <see cref="Vector.Widen(Vector{sbyte}, out Vector{short}, out Vector{short})"/> and 16-bit multiplies.
/// </para>
/// <para>
/// A single query reads rows one at a time, front to back, prefetching 4 KiB ahead: on the machine measured
/// (docs/benchmarks/gallery-scan.md) one sequential stream kept closer to the plain-read floor than four rows read
/// side by side.
/// </para>
/// </remarks>
internal static class ScanKernels
{
    /// <summary>Rows per tile of the many-probe kernels.</summary>
    public const int RowTile = 4;

    /// <summary>Probes per tile of the fp32 many-probe kernel (<see cref="Dot4x3"/>; <see cref="Dot4x2"/> takes the leftovers).</summary>
    public const int ProbeTile = 3;

    /// <summary>Probes per tile of the int8 many-probe kernel (<see cref="DotInt8x4x2"/>).</summary>
    public const int Int8ProbeTile = 2;

    /// <summary>Scores one row against one probe: the reference arithmetic every fp32 kernel reproduces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot1x1(ref float row, ref float probe, int dimension)
    {
        var w = Vector<float>.Count;
        var even = Vector<float>.Zero;
        var odd = Vector<float>.Zero;
        var i = 0;
        for (; i <= dimension - (2 * w); i += 2 * w)
        {
            even = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref row, (nuint)i), Vector.LoadUnsafe(ref probe, (nuint)i), even);
            odd = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref row, (nuint)(i + w)), Vector.LoadUnsafe(ref probe, (nuint)(i + w)), odd);
        }

        if (i <= dimension - w)
        {
            even = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref row, (nuint)i), Vector.LoadUnsafe(ref probe, (nuint)i), even);
            i += w;
        }

        var sum = Vector.Sum(even + odd);
        for (; i < dimension; i++)
        {
            sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref probe, i);
        }

        return sum;
    }

    /// <summary>
    /// Scores four consecutive rows against three probes; scores[probe * 4 + row]. Like <see cref="Dot4x2"/>, two
    /// passes (even vector blocks, then odd ones) give each pair exactly <see cref="Dot1x1"/>'s arithmetic.
    /// </summary>
    /// <remarks>
    /// A pass holds twelve accumulators, the three probe blocks and one row block at a time: sixteen vectors, all the
    /// registers AVX2 has. Each row block is loaded once and used by three FMAs, so a step of twelve FMAs needs seven
    /// loads, where 4 x 2 needs six loads for eight FMAs. (Keeping the four row blocks in registers instead would need
    /// seventeen, and the JIT would spill.) On the machine of docs/benchmarks/gallery-scan.md the kernel alone did
    /// about 10 % more FLOP/s than 4 x 2, and a whole batch of 64 over 100,000 x 512 took about 6 % less time.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Dot4x3(ref float rows, ref float probe0, ref float probe1, ref float probe2, int dimension, Span<float> scores)
    {
        var w = Vector<float>.Count;
        var blocks = dimension / w;
        Span<Vector<float>> evens = stackalloc Vector<float>[RowTile * ProbeTile];
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        for (var phase = 0; phase < 2; phase++)
        {
            var a00 = Vector<float>.Zero;
            var a10 = Vector<float>.Zero;
            var a20 = Vector<float>.Zero;
            var a30 = Vector<float>.Zero;
            var a01 = Vector<float>.Zero;
            var a11 = Vector<float>.Zero;
            var a21 = Vector<float>.Zero;
            var a31 = Vector<float>.Zero;
            var a02 = Vector<float>.Zero;
            var a12 = Vector<float>.Zero;
            var a22 = Vector<float>.Zero;
            var a32 = Vector<float>.Zero;
            for (var b = phase; b < blocks; b += 2)
            {
                var i = (nuint)(b * w);
                var p0 = Vector.LoadUnsafe(ref probe0, i);
                var p1 = Vector.LoadUnsafe(ref probe1, i);
                var p2 = Vector.LoadUnsafe(ref probe2, i);
                var x = Vector.LoadUnsafe(ref rows, i);
                a00 = Vector.MultiplyAddEstimate(x, p0, a00);
                a01 = Vector.MultiplyAddEstimate(x, p1, a01);
                a02 = Vector.MultiplyAddEstimate(x, p2, a02);
                x = Vector.LoadUnsafe(ref r1, i);
                a10 = Vector.MultiplyAddEstimate(x, p0, a10);
                a11 = Vector.MultiplyAddEstimate(x, p1, a11);
                a12 = Vector.MultiplyAddEstimate(x, p2, a12);
                x = Vector.LoadUnsafe(ref r2, i);
                a20 = Vector.MultiplyAddEstimate(x, p0, a20);
                a21 = Vector.MultiplyAddEstimate(x, p1, a21);
                a22 = Vector.MultiplyAddEstimate(x, p2, a22);
                x = Vector.LoadUnsafe(ref r3, i);
                a30 = Vector.MultiplyAddEstimate(x, p0, a30);
                a31 = Vector.MultiplyAddEstimate(x, p1, a31);
                a32 = Vector.MultiplyAddEstimate(x, p2, a32);
            }

            if (phase == 0)
            {
                (evens[0], evens[1], evens[2], evens[3]) = (a00, a10, a20, a30);
                (evens[4], evens[5], evens[6], evens[7]) = (a01, a11, a21, a31);
                (evens[8], evens[9], evens[10], evens[11]) = (a02, a12, a22, a32);
                continue;
            }

            float s00 = Vector.Sum(evens[0] + a00), s10 = Vector.Sum(evens[1] + a10), s20 = Vector.Sum(evens[2] + a20), s30 = Vector.Sum(evens[3] + a30);
            float s01 = Vector.Sum(evens[4] + a01), s11 = Vector.Sum(evens[5] + a11), s21 = Vector.Sum(evens[6] + a21), s31 = Vector.Sum(evens[7] + a31);
            float s02 = Vector.Sum(evens[8] + a02), s12 = Vector.Sum(evens[9] + a12), s22 = Vector.Sum(evens[10] + a22), s32 = Vector.Sum(evens[11] + a32);
            for (var i = blocks * w; i < dimension; i++)
            {
                float p0 = Unsafe.Add(ref probe0, i), p1 = Unsafe.Add(ref probe1, i), p2 = Unsafe.Add(ref probe2, i);
                float x0 = Unsafe.Add(ref rows, i), x1 = Unsafe.Add(ref r1, i), x2 = Unsafe.Add(ref r2, i), x3 = Unsafe.Add(ref r3, i);
                s00 += x0 * p0;
                s10 += x1 * p0;
                s20 += x2 * p0;
                s30 += x3 * p0;
                s01 += x0 * p1;
                s11 += x1 * p1;
                s21 += x2 * p1;
                s31 += x3 * p1;
                s02 += x0 * p2;
                s12 += x1 * p2;
                s22 += x2 * p2;
                s32 += x3 * p2;
            }

            scores[11] = s32;
            (scores[0], scores[1], scores[2], scores[3]) = (s00, s10, s20, s30);
            (scores[4], scores[5], scores[6], scores[7]) = (s01, s11, s21, s31);
            (scores[8], scores[9], scores[10]) = (s02, s12, s22);
        }
    }

    /// <summary>
    /// Scores four consecutive rows against two probes; scores[probe * 4 + row]. Two passes (even vector blocks, then
    /// odd ones) keep eight accumulators in registers and give each pair exactly <see cref="Dot1x1"/>'s arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Dot4x2(ref float rows, ref float probe0, ref float probe1, int dimension, Span<float> scores)
    {
        var w = Vector<float>.Count;
        var blocks = dimension / w;
        Span<Vector<float>> evens = stackalloc Vector<float>[RowTile * 2];
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        for (var phase = 0; phase < 2; phase++)
        {
            var a00 = Vector<float>.Zero;
            var a10 = Vector<float>.Zero;
            var a20 = Vector<float>.Zero;
            var a30 = Vector<float>.Zero;
            var a01 = Vector<float>.Zero;
            var a11 = Vector<float>.Zero;
            var a21 = Vector<float>.Zero;
            var a31 = Vector<float>.Zero;
            for (var b = phase; b < blocks; b += 2)
            {
                var i = (nuint)(b * w);
                var x0 = Vector.LoadUnsafe(ref rows, i);
                var x1 = Vector.LoadUnsafe(ref r1, i);
                var x2 = Vector.LoadUnsafe(ref r2, i);
                var x3 = Vector.LoadUnsafe(ref r3, i);
                var p = Vector.LoadUnsafe(ref probe0, i);
                a00 = Vector.MultiplyAddEstimate(x0, p, a00);
                a10 = Vector.MultiplyAddEstimate(x1, p, a10);
                a20 = Vector.MultiplyAddEstimate(x2, p, a20);
                a30 = Vector.MultiplyAddEstimate(x3, p, a30);
                p = Vector.LoadUnsafe(ref probe1, i);
                a01 = Vector.MultiplyAddEstimate(x0, p, a01);
                a11 = Vector.MultiplyAddEstimate(x1, p, a11);
                a21 = Vector.MultiplyAddEstimate(x2, p, a21);
                a31 = Vector.MultiplyAddEstimate(x3, p, a31);
            }

            if (phase == 0)
            {
                (evens[0], evens[1], evens[2], evens[3]) = (a00, a10, a20, a30);
                (evens[4], evens[5], evens[6], evens[7]) = (a01, a11, a21, a31);
                continue;
            }

            float s00 = Vector.Sum(evens[0] + a00), s10 = Vector.Sum(evens[1] + a10), s20 = Vector.Sum(evens[2] + a20), s30 = Vector.Sum(evens[3] + a30);
            float s01 = Vector.Sum(evens[4] + a01), s11 = Vector.Sum(evens[5] + a11), s21 = Vector.Sum(evens[6] + a21), s31 = Vector.Sum(evens[7] + a31);
            for (var i = blocks * w; i < dimension; i++)
            {
                var p0 = Unsafe.Add(ref probe0, i);
                var p1 = Unsafe.Add(ref probe1, i);
                float x0 = Unsafe.Add(ref rows, i), x1 = Unsafe.Add(ref r1, i), x2 = Unsafe.Add(ref r2, i), x3 = Unsafe.Add(ref r3, i);
                s00 += x0 * p0;
                s10 += x1 * p0;
                s20 += x2 * p0;
                s30 += x3 * p0;
                s01 += x0 * p1;
                s11 += x1 * p1;
                s21 += x2 * p1;
                s31 += x3 * p1;
            }

            scores[7] = s31;
            scores[0] = s00;
            scores[1] = s10;
            scores[2] = s20;
            scores[3] = s30;
            scores[4] = s01;
            scores[5] = s11;
            scores[6] = s21;
        }
    }

    /// <summary>Whether the AVX2 int8 kernels run (otherwise the portable <see cref="Vector{T}"/> ones).</summary>
    public static bool UsesAvx2 => Avx2.IsSupported;

    /// <summary>
    /// Exact int8 dot product of one row with one probe. With AVX2, 64 bytes per step by the sign trick:
    /// <c>vpmaddubsw(|row|, probe · sign(row))</c> multiplies unsigned magnitudes by signed values, whose pair sums
    /// (at most 2 × 127²) fit 16 bits, then <c>vpmaddwd</c> by ones widens them; elsewhere the portable widening path.
    /// </summary>
    /// <param name="row">The row's codes.</param>
    /// <param name="probe">The probe's codes.</param>
    /// <param name="probeWide">The same codes widened to 16 bits (the portable path reads these).</param>
    /// <param name="dimension">The row length.</param>
    /// <param name="avx2">Use the AVX2 path (only when supported); false runs the portable path, for tests.</param>
    /// <returns>The dot product.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DotInt8(ref sbyte row, ref sbyte probe, ref short probeWide, int dimension, bool avx2)
    {
        var i = 0;
        int sum;
        if (avx2 && Avx2.IsSupported)
        {
            var ones = Vector256.Create((short)1);
            var a0 = Vector256<int>.Zero;
            var a1 = Vector256<int>.Zero;
            for (; i <= dimension - 64; i += 64)
            {
                var x = Vector256.LoadUnsafe(ref row, (nuint)i);
                var y = Vector256.LoadUnsafe(ref probe, (nuint)i);
                a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(x), Avx2.Sign(y, x)), ones));
                x = Vector256.LoadUnsafe(ref row, (nuint)(i + 32));
                y = Vector256.LoadUnsafe(ref probe, (nuint)(i + 32));
                a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(x), Avx2.Sign(y, x)), ones));
            }

            if (i <= dimension - 32)
            {
                var x = Vector256.LoadUnsafe(ref row, (nuint)i);
                var y = Vector256.LoadUnsafe(ref probe, (nuint)i);
                a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(x), Avx2.Sign(y, x)), ones));
                i += 32;
            }

            sum = Vector256.Sum(a0 + a1);
        }
        else
        {
            var acc = Vector<int>.Zero;
            var step = Vector<sbyte>.Count;
            for (; i <= dimension - step; i += step)
            {
                acc += WidenedProducts(Vector.LoadUnsafe(ref row, (nuint)i), ref probeWide, i);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < dimension; i++)
        {
            sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref probe, i);
        }

        return sum;
    }

    /// <summary>Exact int8 dot products of four consecutive rows with two probes; dots[probe * 4 + row].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotInt8x4x2(ref sbyte rows, ref short probe0, ref short probe1, int dimension, Span<int> dots, bool avx2)
    {
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var i = 0;
        int s00 = 0, s10 = 0, s20 = 0, s30 = 0, s01 = 0, s11 = 0, s21 = 0, s31 = 0;
        if (avx2 && Avx2.IsSupported)
        {
            var a00 = Vector256<int>.Zero;
            var a10 = Vector256<int>.Zero;
            var a20 = Vector256<int>.Zero;
            var a30 = Vector256<int>.Zero;
            var a01 = Vector256<int>.Zero;
            var a11 = Vector256<int>.Zero;
            var a21 = Vector256<int>.Zero;
            var a31 = Vector256<int>.Zero;
            for (; i <= dimension - 16; i += 16)
            {
                var x0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, (nuint)i));
                var x1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1, (nuint)i));
                var x2 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2, (nuint)i));
                var x3 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r3, (nuint)i));
                var p = Vector256.LoadUnsafe(ref probe0, (nuint)i);
                a00 = Avx2.Add(a00, Avx2.MultiplyAddAdjacent(x0, p));
                a10 = Avx2.Add(a10, Avx2.MultiplyAddAdjacent(x1, p));
                a20 = Avx2.Add(a20, Avx2.MultiplyAddAdjacent(x2, p));
                a30 = Avx2.Add(a30, Avx2.MultiplyAddAdjacent(x3, p));
                p = Vector256.LoadUnsafe(ref probe1, (nuint)i);
                a01 = Avx2.Add(a01, Avx2.MultiplyAddAdjacent(x0, p));
                a11 = Avx2.Add(a11, Avx2.MultiplyAddAdjacent(x1, p));
                a21 = Avx2.Add(a21, Avx2.MultiplyAddAdjacent(x2, p));
                a31 = Avx2.Add(a31, Avx2.MultiplyAddAdjacent(x3, p));
            }

            (s00, s10, s20, s30) = (Vector256.Sum(a00), Vector256.Sum(a10), Vector256.Sum(a20), Vector256.Sum(a30));
            (s01, s11, s21, s31) = (Vector256.Sum(a01), Vector256.Sum(a11), Vector256.Sum(a21), Vector256.Sum(a31));
        }
        else
        {
            var a00 = Vector<int>.Zero;
            var a10 = Vector<int>.Zero;
            var a20 = Vector<int>.Zero;
            var a30 = Vector<int>.Zero;
            var a01 = Vector<int>.Zero;
            var a11 = Vector<int>.Zero;
            var a21 = Vector<int>.Zero;
            var a31 = Vector<int>.Zero;
            var step = Vector<sbyte>.Count;
            for (; i <= dimension - step; i += step)
            {
                var x0 = Vector.LoadUnsafe(ref rows, (nuint)i);
                var x1 = Vector.LoadUnsafe(ref r1, (nuint)i);
                var x2 = Vector.LoadUnsafe(ref r2, (nuint)i);
                var x3 = Vector.LoadUnsafe(ref r3, (nuint)i);
                a00 += WidenedProducts(x0, ref probe0, i);
                a10 += WidenedProducts(x1, ref probe0, i);
                a20 += WidenedProducts(x2, ref probe0, i);
                a30 += WidenedProducts(x3, ref probe0, i);
                a01 += WidenedProducts(x0, ref probe1, i);
                a11 += WidenedProducts(x1, ref probe1, i);
                a21 += WidenedProducts(x2, ref probe1, i);
                a31 += WidenedProducts(x3, ref probe1, i);
            }

            (s00, s10, s20, s30) = (Vector.Sum(a00), Vector.Sum(a10), Vector.Sum(a20), Vector.Sum(a30));
            (s01, s11, s21, s31) = (Vector.Sum(a01), Vector.Sum(a11), Vector.Sum(a21), Vector.Sum(a31));
        }

        for (; i < dimension; i++)
        {
            int p0 = Unsafe.Add(ref probe0, i), p1 = Unsafe.Add(ref probe1, i);
            int x0 = Unsafe.Add(ref rows, i), x1 = Unsafe.Add(ref r1, i), x2 = Unsafe.Add(ref r2, i), x3 = Unsafe.Add(ref r3, i);
            s00 += x0 * p0;
            s10 += x1 * p0;
            s20 += x2 * p0;
            s30 += x3 * p0;
            s01 += x0 * p1;
            s11 += x1 * p1;
            s21 += x2 * p1;
            s31 += x3 * p1;
        }

        dots[7] = s31;
        dots[0] = s00;
        dots[1] = s10;
        dots[2] = s20;
        dots[3] = s30;
        dots[4] = s01;
        dots[5] = s11;
        dots[6] = s21;
    }

    /// <summary>
    /// The products of one <see cref="Vector{T}"/> of codes with the matching probe values, summed in pairs and widened
    /// to 32 bits: low-half product plus high-half product fits 16 bits because |q| ≤ 127 (2 × 127² = 32258).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<int> WidenedProducts(Vector<sbyte> codes, ref short probe, int i)
    {
        Vector.Widen(codes, out var low, out var high);
        var half = Vector<short>.Count;
        var products = (low * Vector.LoadUnsafe(ref probe, (nuint)i)) + (high * Vector.LoadUnsafe(ref probe, (nuint)(i + half)));
        Vector.Widen(products, out var a, out var b);
        return a + b;
    }
}
