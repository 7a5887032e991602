using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// What a native library was built for, read from its header: the file format (PE for Windows, ELF for Linux, Mach-O
/// for macOS, including universal binaries) and the processor architectures it holds. Enough to tell that a published
/// <c>runtimes/RID/native</c> file is the one for that runtime identifier, not another platform's copy.
/// </summary>
/// <param name="Format">PE, ELF or Mach-O; "unknown" otherwise.</param>
/// <param name="Architectures">x64, arm64, x86 or the raw machine code, one per slice.</param>
internal sealed record NativeBinary(string Format, IReadOnlyList<string> Architectures)
{
    /// <summary>Reads a file's header.</summary>
    /// <param name="path">The library.</param>
    /// <returns>Its format and architectures.</returns>
    public static NativeBinary Read(string path)
    {
        byte[] header = new byte[4096];
        int length;
        using (FileStream stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> bytes = header.AsSpan(0, length);
        if (bytes.Length > 0x40 && bytes[0] == (byte)'M' && bytes[1] == (byte)'Z')
        {
            int pe = BinaryPrimitives.ReadInt32LittleEndian(bytes[0x3C..]);
            return bytes[pe..(pe + 4)].SequenceEqual("PE\0\0"u8)
                ? new NativeBinary("PE", [PeMachine(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(pe + 4)..]))])
                : new NativeBinary("unknown", []);
        }

        if (bytes.Length > 0x14 && bytes[..4].SequenceEqual("\u007fELF"u8))
        {
            return new NativeBinary("ELF", [ElfMachine(BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x12..]))]);
        }

        if (bytes.Length > 8 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == 0xFEEDFACF)
        {
            return new NativeBinary("Mach-O", [MachOCpu(BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]))]);
        }

        if (bytes.Length > 8 && BinaryPrimitives.ReadUInt32BigEndian(bytes) == 0xCAFEBABE)
        {
            int count = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
            var slices = new List<string>();
            for (int i = 0; i < count && 8 + (i * 20) + 4 <= bytes.Length; i++)
            {
                slices.Add(MachOCpu(BinaryPrimitives.ReadUInt32BigEndian(bytes[(8 + (i * 20))..])));
            }

            return new NativeBinary("Mach-O", slices);
        }

        return new NativeBinary("unknown", []);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Format} {string.Join("+", Architectures)}";

    private static string PeMachine(ushort machine) => machine switch
    {
        0x8664 => "x64",
        0xAA64 => "arm64",
        0x014C => "x86",
        _ => $"0x{machine:X4}",
    };

    private static string ElfMachine(ushort machine) => machine switch
    {
        0x3E => "x64",
        0xB7 => "arm64",
        0x03 => "x86",
        _ => $"0x{machine:X4}",
    };

    private static string MachOCpu(uint cpu) => cpu switch
    {
        0x01000007 => "x64",
        0x0100000C => "arm64",
        _ => $"0x{cpu:X8}",
    };
}
