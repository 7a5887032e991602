using System;
using System.Globalization;
using System.Text;

namespace FaceCompliance;

/// <summary>
/// Proof that a purpose's declared legal basis other than consent applies (PIPL Art. 13): which basis, under which
/// law or duty, who decided it, when, and for which period. Issued and signed by an <see cref="ILegalBasisRegistry"/>
/// with the application's receipt key, so it cannot be forged or edited; typed by purpose.
/// </summary>
/// <typeparam name="TPurpose">The purpose the basis applies to.</typeparam>
public sealed class LegalBasisReceipt<TPurpose>
    where TPurpose : IFacialDataPurpose
{
    private const string ContentHeader = "FaceCompliance legal basis grant v1";
    private readonly byte[] _signature;

    /// <summary>Creates a grant from its fields; registries call this when issuing or loading one.</summary>
    public LegalBasisReceipt(string id, string purposeId, FacialLegalBasis basis, string lawReference, string grantedBy,
        DateTimeOffset grantedAt, DateTimeOffset validFrom, DateTimeOffset validUntil, ReadOnlySpan<byte> signature)
    {
        Id = SubjectId.Validate(id, nameof(id));
        PurposeId = SubjectId.Validate(purposeId, nameof(purposeId));
        Basis = basis;
        ArgumentException.ThrowIfNullOrWhiteSpace(lawReference);
        LawReference = lawReference.Contains('\n', StringComparison.Ordinal)
            ? throw new ArgumentException("A law reference must not contain line breaks.", nameof(lawReference))
            : lawReference;
        GrantedBy = SubjectId.Validate(grantedBy, nameof(grantedBy));
        GrantedAt = grantedAt.ToUniversalTime();
        ValidFrom = validFrom.ToUniversalTime();
        ValidUntil = validUntil.ToUniversalTime();
        _signature = signature.ToArray();
    }

    /// <summary>The grant's unique id.</summary>
    public string Id { get; }

    /// <summary>The purpose the basis applies to, as written in the grant.</summary>
    public string PurposeId { get; }

    /// <summary>The legal basis.</summary>
    public FacialLegalBasis Basis { get; }

    /// <summary>The law, duty or contract the basis rests on.</summary>
    public string LawReference { get; }

    /// <summary>Who decided that the basis applies.</summary>
    public string GrantedBy { get; }

    /// <summary>When the grant was recorded (UTC).</summary>
    public DateTimeOffset GrantedAt { get; }

    /// <summary>When the basis starts applying (UTC).</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>When the basis stops applying (UTC).</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The registry's signature over every field above.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The bytes the signature covers: a version line, then every field on its own line.</summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join("\n",
        ContentHeader, Id, PurposeId, ((int)Basis).ToString(CultureInfo.InvariantCulture), LawReference, GrantedBy,
        GrantedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ValidFrom.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ValidUntil.UtcTicks.ToString(CultureInfo.InvariantCulture)));

    /// <inheritdoc/>
    public override string ToString() => $"legal basis {Id} for {PurposeId} ({Basis} under '{LawReference}', granted by '{GrantedBy}', {ValidFrom:u} to {ValidUntil:u})";
}
