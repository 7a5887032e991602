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
/// Every fp32 kernel computes each (row, probe) pair the same way: one <see cref="Vector{T}"/> accumulator updated
/// with <see cref="Vector.MultiplyAddEstimate(Vector{float}, Vector{float}, Vector{float})"/> from element 0 upwards,
/// reduced with <see cref="Vector.Sum{T}(Vector{T})"/>, then a scalar tail. So the single-probe and the blocked
/// many-probe scans give bit-identical scores, and a batch returns exactly what single searches return.
/// </para>
/// <para>
/// The int8 kernels compute exact 32-bit integer dot products (|q| ≤ 127, so a product fits 16 bits and two fit
/// 16 bits too): with AVX2, <c>vpmovsxbw</c> + <c>vpmaddwd</c>; elsewhere, <see cref="Vector.Widen(Vector{sbyte}, out Vector{short}, out Vector{short})"/>
/// and 16-bit multiplies. Both paths give the same integers.
/// </para>
/// </remarks>
internal static class ScanKernels
{
    /// <summary>Rows per fp32 and int8 tile.</summary>
    public const int RowTile = 4;

    /// <summary>Probes per tile in the many-probe kernels.</summary>
    public const int ProbeTile = 2;

    /// <summary>Scores of one row against one probe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot1x1(ref float row, ref float probe, int dimension)
    {
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= dimension - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref row, (nuint)i), Vector.LoadUnsafe(ref probe, (nuint)i), acc);
        }

        var sum = Vector.Sum(acc);
        for (; i < dimension; i++)
        {
            sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref probe, i);
        }

        return sum;
    }

    /// <summary>Scores four consecutive rows against one probe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4x1(ref float rows, ref float probe, int dimension, Span<float> scores)
    {
        var a0 = Vector<float>.Zero;
        var a1 = Vector<float>.Zero;
        var a2 = Vector<float>.Zero;
        var a3 = Vector<float>.Zero;
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var i = 0;
        for (; i <= dimension - Vector<float>.Count; i += Vector<float>.Count)
        {
            var p = Vector.LoadUnsafe(ref probe, (nuint)i);
            a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref rows, (nuint)i), p, a0);
            a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r1, (nuint)i), p, a1);
            a2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r2, (nuint)i), p, a2);
            a3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r3, (nuint)i), p, a3);
        }

        float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
        for (; i < dimension; i++)
        {
            var p = Unsafe.Add(ref probe, i);
            s0 += Unsafe.Add(ref rows, i) * p;
            s1 += Unsafe.Add(ref r1, i) * p;
            s2 += Unsafe.Add(ref r2, i) * p;
            s3 += Unsafe.Add(ref r3, i) * p;
        }

        scores[3] = s3;
        scores[0] = s0;
        scores[1] = s1;
        scores[2] = s2;
    }

    /// <summary>Scores four consecutive rows against two probes; scores[probe * 4 + row].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4x2(ref float rows, ref float probe0, ref float probe1, int dimension, Span<float> scores)
    {
        var a00 = Vector<float>.Zero;
        var a10 = Vector<float>.Zero;
        var a20 = Vector<float>.Zero;
        var a30 = Vector<float>.Zero;
        var a01 = Vector<float>.Zero;
        var a11 = Vector<float>.Zero;
        var a21 = Vector<float>.Zero;
        var a31 = Vector<float>.Zero;
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var i = 0;
        for (; i <= dimension - Vector<float>.Count; i += Vector<float>.Count)
        {
            var x0 = Vector.LoadUnsafe(ref rows, (nuint)i);
            var x1 = Vector.LoadUnsafe(ref r1, (nuint)i);
            var x2 = Vector.LoadUnsafe(ref r2, (nuint)i);
            var x3 = Vector.LoadUnsafe(ref r3, (nuint)i);
            var p = Vector.LoadUnsafe(ref probe0, (nuint)i);
            a00 = Vector.MultiplyAddEstimate(x0, p, a00);
            a10 = Vector.MultiplyAddEstimate(x1, p, a10);
            a20 = Vector.MultiplyAddEstimate(x2, p, a20);
            a30 = Vector.MultiplyAddEstimate(x3, p, a30);
            p = Vector.LoadUnsafe(ref probe1, (nuint)i);
            a01 = Vector.MultiplyAddEstimate(x0, p, a01);
            a11 = Vector.MultiplyAddEstimate(x1, p, a11);
            a21 = Vector.MultiplyAddEstimate(x2, p, a21);
            a31 = Vector.MultiplyAddEstimate(x3, p, a31);
        }

        float s00 = Vector.Sum(a00), s10 = Vector.Sum(a10), s20 = Vector.Sum(a20), s30 = Vector.Sum(a30);
        float s01 = Vector.Sum(a01), s11 = Vector.Sum(a11), s21 = Vector.Sum(a21), s31 = Vector.Sum(a31);
        for (; i < dimension; i++)
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

    /// <summary>Whether the AVX2 int8 kernels run (otherwise the portable <see cref="Vector{T}"/> ones).</summary>
    public static bool UsesAvx2 => Avx2.IsSupported;

    /// <summary>Exact int8 dot product of one row with one probe (the probe widened to 16 bits).</summary>
    public static int DotInt8x1(ref sbyte row, ref short probe, int dimension)
    {
        Span<int> one = stackalloc int[1];
        DotInt8Rows(ref row, ref probe, dimension, 1, one, Avx2.IsSupported);
        return one[0];
    }

    /// <summary>Exact int8 dot products of <paramref name="rowCount"/> (1 to 4) consecutive rows with one probe.</summary>
    /// <param name="rows">The first row's codes.</param>
    /// <param name="probe">The probe's codes widened to 16 bits.</param>
    /// <param name="dimension">The row length.</param>
    /// <param name="rowCount">How many rows, 1 to 4.</param>
    /// <param name="dots">Receives the dot products.</param>
    /// <param name="avx2">Use the AVX2 path (only when supported); false runs the portable path, for tests.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotInt8Rows(ref sbyte rows, ref short probe, int dimension, int rowCount, Span<int> dots, bool avx2)
    {
        if (rowCount == RowTile)
        {
            if (avx2 && Avx2.IsSupported)
            {
                DotInt8x4Avx2(ref rows, ref probe, dimension, dots);
            }
            else
            {
                DotInt8x4Portable(ref rows, ref probe, dimension, dots);
            }

            return;
        }

        for (var r = 0; r < rowCount; r++)
        {
            ref var row = ref Unsafe.Add(ref rows, r * dimension);
            var i = 0;
            var sum = 0;
            if (avx2 && Avx2.IsSupported)
            {
                var acc = Vector256<int>.Zero;
                for (; i <= dimension - 16; i += 16)
                {
                    var x = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref row, (nuint)i));
                    acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(x, Vector256.LoadUnsafe(ref probe, (nuint)i)));
                }

                sum = Vector256.Sum(acc);
            }
            else
            {
                var acc = Vector<int>.Zero;
                var step = Vector<sbyte>.Count;
                for (; i <= dimension - step; i += step)
                {
                    acc += WidenedProducts(Vector.LoadUnsafe(ref row, (nuint)i), ref probe, i);
                }

                sum = Vector.Sum(acc);
            }

            for (; i < dimension; i++)
            {
                sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref probe, i);
            }

            dots[r] = sum;
        }
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

    private static void DotInt8x4Avx2(ref sbyte rows, ref short probe, int dimension, Span<int> dots)
    {
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var a0 = Vector256<int>.Zero;
        var a1 = Vector256<int>.Zero;
        var a2 = Vector256<int>.Zero;
        var a3 = Vector256<int>.Zero;
        var i = 0;
        for (; i <= dimension - 16; i += 16)
        {
            var p = Vector256.LoadUnsafe(ref probe, (nuint)i);
            a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, (nuint)i)), p));
            a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1, (nuint)i)), p));
            a2 = Avx2.Add(a2, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2, (nuint)i)), p));
            a3 = Avx2.Add(a3, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r3, (nuint)i)), p));
        }

        int s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
        for (; i < dimension; i++)
        {
            int p = Unsafe.Add(ref probe, i);
            s0 += Unsafe.Add(ref rows, i) * p;
            s1 += Unsafe.Add(ref r1, i) * p;
            s2 += Unsafe.Add(ref r2, i) * p;
            s3 += Unsafe.Add(ref r3, i) * p;
        }

        dots[3] = s3;
        dots[0] = s0;
        dots[1] = s1;
        dots[2] = s2;
    }

    private static void DotInt8x4Portable(ref sbyte rows, ref short probe, int dimension, Span<int> dots)
    {
        ref var r1 = ref Unsafe.Add(ref rows, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var a0 = Vector<int>.Zero;
        var a1 = Vector<int>.Zero;
        var a2 = Vector<int>.Zero;
        var a3 = Vector<int>.Zero;
        var step = Vector<sbyte>.Count;
        var i = 0;
        for (; i <= dimension - step; i += step)
        {
            a0 += WidenedProducts(Vector.LoadUnsafe(ref rows, (nuint)i), ref probe, i);
            a1 += WidenedProducts(Vector.LoadUnsafe(ref r1, (nuint)i), ref probe, i);
            a2 += WidenedProducts(Vector.LoadUnsafe(ref r2, (nuint)i), ref probe, i);
            a3 += WidenedProducts(Vector.LoadUnsafe(ref r3, (nuint)i), ref probe, i);
        }

        int s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
        for (; i < dimension; i++)
        {
            int p = Unsafe.Add(ref probe, i);
            s0 += Unsafe.Add(ref rows, i) * p;
            s1 += Unsafe.Add(ref r1, i) * p;
            s2 += Unsafe.Add(ref r2, i) * p;
            s3 += Unsafe.Add(ref r3, i) * p;
        }

        dots[3] = s3;
        dots[0] = s0;
        dots[1] = s1;
        dots[2] = s2;
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
