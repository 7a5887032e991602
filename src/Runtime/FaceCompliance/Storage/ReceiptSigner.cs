using System;
using System.Security.Cryptography;

namespace FaceCompliance.Storage;

/// <summary>Signs and checks consent receipts and legal-basis grants with HMAC-SHA256 under the receipt key.</summary>
public sealed class ReceiptSigner(FacialDataKeys keys)
{
    private readonly byte[] _key = keys.ReceiptKey.ToArray();

    /// <summary>The signature of a receipt's content.</summary>
    public byte[] Sign<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose => HMACSHA256.HashData(_key, receipt.SignedContent());

    /// <summary>
    /// Whether the receipt's signature matches its content (constant-time). A receipt issued before scopes and age
    /// bands were recorded (version 1) matches only with the values a migrated record has: processing scope only, and
    /// age band <see cref="FacialAgeBand.Under14"/> or <see cref="FacialAgeBand.Unknown"/>, as its signed under-14 flag says.
    /// </summary>
    public bool HasValidSignature<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var current = CryptographicOperations.FixedTimeEquals(Sign(receipt), receipt.Signature);
        var legacy = receipt.LegacySignedContent() is { } content
            && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, content), receipt.Signature);
        return current | legacy;
    }

    /// <summary>The signature of a legal-basis grant's content.</summary>
    public byte[] Sign<TPurpose>(LegalBasisReceipt<TPurpose> grant)
        where TPurpose : IFacialDataPurpose => HMACSHA256.HashData(_key, grant.SignedContent());

    /// <summary>Whether the legal-basis grant's signature matches its content (constant-time).</summary>
    public bool HasValidSignature<TPurpose>(LegalBasisReceipt<TPurpose> grant)
        where TPurpose : IFacialDataPurpose => CryptographicOperations.FixedTimeEquals(Sign(grant), grant.Signature);
}
