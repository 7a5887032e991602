using System;
using System.Buffers.Binary;
using System.Text;

namespace FaceCompliance.Storage;

/// <summary>
/// The canonical byte encoding of an audit record, version 1: the input of its keyed hash. It is a storage
/// format: anyone holding the audit key can recompute every hash from these bytes, so it never changes; a new
/// layout gets a new magic.
/// </summary>
/// <remarks>
/// <para>Fields, in this order, with nothing between them:</para>
/// <list type="number">
/// <item><description>magic: the 8 ASCII bytes <c>FCAUDIT1</c> (format and version);</description></item>
/// <item><description><see cref="AuditRecord.Sequence"/>: int64, big-endian;</description></item>
/// <item><description><see cref="AuditRecord.Time"/>: int64, big-endian, UTC ticks (100 ns units since 0001-01-01T00:00:00Z);</description></item>
/// <item><description><see cref="AuditRecord.Actor"/>: string;</description></item>
/// <item><description><see cref="AuditRecord.Action"/>: int32, big-endian, the enum's number;</description></item>
/// <item><description><see cref="AuditRecord.SubjectId"/>: string;</description></item>
/// <item><description><see cref="AuditRecord.PurposeId"/>: string;</description></item>
/// <item><description><see cref="AuditRecord.ReceiptId"/>: string;</description></item>
/// <item><description><see cref="AuditRecord.Outcome"/>: int32, big-endian, the enum's number;</description></item>
/// <item><description><see cref="AuditRecord.Detail"/>: string;</description></item>
/// <item><description><see cref="AuditRecord.PreviousHash"/>: its 32 bytes.</description></item>
/// </list>
/// <para>
/// A string is an int32, big-endian, holding the number of UTF-8 bytes that follow (no byte order mark), or -1 for
/// <see langword="null"/> with no bytes following; so <see langword="null"/> differs from <c>""</c> (length 0) and
/// ("ab", "c") from ("a", "bc"). <see cref="AuditRecord.Hash"/> is not part of the encoding.
/// </para>
/// </remarks>
public static class AuditRecordEncoding
{
    private const int NullLength = -1;

    private static readonly byte[] Magic = "FCAUDIT1"u8.ToArray();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical bytes of <paramref name="record"/>, everything but its <see cref="AuditRecord.Hash"/>.</summary>
    /// <param name="record">The record to encode.</param>
    /// <returns>A new array.</returns>
    /// <exception cref="ArgumentException">
    /// The record's <see cref="AuditRecord.PreviousHash"/> is not 32 bytes, or a string holds a lone UTF-16
    /// surrogate (it has no UTF-8 form); <see cref="AuditChain"/> never makes such a record.
    /// </exception>
    public static byte[] Encode(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return TryEncode(record, out var bytes, out var problem) ? bytes : throw new ArgumentException(problem, nameof(record));
    }

    /// <summary>Encodes without throwing, for verification of records that may have been edited.</summary>
    internal static bool TryEncode(AuditRecord record, out byte[] bytes, out string problem)
    {
        bytes = [];
        if (record.PreviousHashSpan.Length != AuditChain.HashSize)
        {
            problem = $"its previous hash has {record.PreviousHashSpan.Length} bytes instead of {AuditChain.HashSize}";
            return false;
        }

        string?[] texts = [record.Actor, record.SubjectId, record.PurposeId, record.ReceiptId, record.Detail];
        var utf8 = new byte[]?[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            if (!TryUtf8(texts[i], out utf8[i]))
            {
                problem = "a text field holds a lone UTF-16 surrogate";
                return false;
            }
        }

        var length = Magic.Length + sizeof(long) * 2 + sizeof(int) * 2 + AuditChain.HashSize;
        foreach (var text in utf8)
        {
            length += sizeof(int) + (text?.Length ?? 0);
        }

        bytes = new byte[length];
        var writer = new Writer(bytes);
        writer.Bytes(Magic);
        writer.Int64(record.Sequence);
        writer.Int64(record.Time.UtcTicks);
        writer.Text(utf8[0]);
        writer.Int32((int)record.Action);
        writer.Text(utf8[1]);
        writer.Text(utf8[2]);
        writer.Text(utf8[3]);
        writer.Int32((int)record.Outcome);
        writer.Text(utf8[4]);
        writer.Bytes(record.PreviousHashSpan);
        problem = string.Empty;
        return true;
    }

    private static bool TryUtf8(string? text, out byte[]? utf8)
    {
        utf8 = null;
        if (text is null)
        {
            return true;
        }

        try
        {
            utf8 = StrictUtf8.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> destination = destination;
        private int position;

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(destination[position..]);
            position += value.Length;
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(destination[position..], value);
            position += sizeof(long);
        }

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination[position..], value);
            position += sizeof(int);
        }

        public void Text(byte[]? utf8)
        {
            Int32(utf8?.Length ?? NullLength);
            Bytes(utf8);
        }
    }
}
