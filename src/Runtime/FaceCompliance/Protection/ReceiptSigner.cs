using System;
using System.Security.Cryptography;

namespace FaceCompliance;

/// <summary>Signs and checks consent receipts with HMAC-SHA256 under the receipt key.</summary>
public sealed class ReceiptSigner(FacialDataKeys keys)
{
    private readonly byte[] _key = keys.ReceiptKey.ToArray();

    /// <summary>The signature of a receipt's content.</summary>
    public byte[] Sign<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => HMACSHA256.HashData(_key, receipt.SignedContent());

    /// <summary>Whether the receipt's signature matches its content (constant-time).</summary>
    public bool HasValidSignature<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => CryptographicOperations.FixedTimeEquals(Sign(receipt), receipt.Signature);
}
