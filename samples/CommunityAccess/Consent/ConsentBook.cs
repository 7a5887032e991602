using System;
using System.Collections.Generic;
using FaceCompliance;

namespace CommunityAccess.Consent;

/// <summary>
/// The gate's record of who gave separate consent to which purpose. Its two checks are what the analyzers look
/// for before every facial-data call (FC0002): <see cref="HasConsent{TPurpose}"/> in an <c>if</c>, or
/// <see cref="EnsureConsent{TPurpose}"/>, which throws. The purpose is the method's type argument.
/// </summary>
public sealed class ConsentBook
{
    private readonly Dictionary<(Type Purpose, string ResidentId), ConsentRecord> records = new();
    private readonly TimeProvider clock;

    /// <summary>Creates an empty book.</summary>
    /// <param name="clock">The clock that timestamps consents.</param>
    public ConsentBook(TimeProvider clock) => this.clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>
    /// Records that a resident agreed, after reading the generated notice of <typeparamref name="TPurpose"/>, to the
    /// processing of their face information, with the version of the notice they read. A resident under 14 needs
    /// their guardian's consent (Measures Art. 7; PIPL Art. 31).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose consented to.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <param name="residentIsUnder14">Whether the resident is under 14.</param>
    /// <param name="guardianName">The guardian who consents for a resident under 14.</param>
    /// <returns>The record.</returns>
    public ConsentRecord RecordConsent<TPurpose>(string residentId, bool residentIsUnder14 = false, string? guardianName = null)
        where TPurpose : IFacialDataPurpose
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentId);
        if (residentIsUnder14 && string.IsNullOrWhiteSpace(guardianName))
        {
            throw new ArgumentException("A resident under 14 needs the consent of a parent or guardian (Measures Art. 7).", nameof(guardianName));
        }

        var record = new ConsentRecord(
            residentId,
            typeof(TPurpose),
            residentIsUnder14 ? guardianName! : residentId,
            residentIsUnder14,
            clock.GetUtcNow(),
            TPurpose.Info.Notice.Version);
        records[(typeof(TPurpose), residentId)] = record;
        return record;
    }

    /// <summary>Withdraws a consent (PIPL Art. 15). Processing for the purpose must stop at once.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>Whether there was a consent to withdraw.</returns>
    public bool Withdraw<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => records.Remove((typeof(TPurpose), residentId));

    /// <summary>
    /// Whether the resident's consent to <typeparamref name="TPurpose"/> is on record for the notice as it reads now.
    /// A consent given to an older text no longer counts: the resident must read the new one and consent again
    /// (Measures Art. 5 §2).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> only when consent to the current notice is on record.</returns>
    [FacialConsentCheck]
    public bool HasConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => records.TryGetValue((typeof(TPurpose), residentId), out var record) && record.NoticeVersion == TPurpose.Info.Notice.Version;

    /// <summary>Throws unless the resident's consent to <typeparamref name="TPurpose"/> is on record.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <exception cref="ConsentMissingException">There is no consent on record.</exception>
    [FacialConsentCheck]
    public void EnsureConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        if (!HasConsent<TPurpose>(residentId))
        {
            throw new ConsentMissingException(
                $"Resident '{residentId}' has not consented to {typeof(TPurpose).Name}; face information must not be processed.");
        }
    }
}
