using System;

namespace CommunityAccess.Consent;

/// <summary>One person's separate consent to one purpose (单独同意; Measures Art. 6, PIPL Art. 29).</summary>
public sealed class ConsentRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="residentId">Whose face information the consent covers.</param>
    /// <param name="purpose">The purpose type consented to.</param>
    /// <param name="givenBy">Who gave it: the resident, or the guardian of a resident under 14.</param>
    /// <param name="byGuardian">Whether a guardian gave it (Measures Art. 7).</param>
    /// <param name="givenAt">When it was given.</param>
    /// <param name="noticeVersion">The version of the generated notice the person read (Measures Art. 5 §2).</param>
    public ConsentRecord(string residentId, Type purpose, string givenBy, bool byGuardian, DateTimeOffset givenAt, string noticeVersion)
    {
        ResidentId = residentId;
        Purpose = purpose;
        GivenBy = givenBy;
        ByGuardian = byGuardian;
        GivenAt = givenAt;
        NoticeVersion = noticeVersion;
    }

    /// <summary>Whose face information the consent covers.</summary>
    public string ResidentId { get; }

    /// <summary>The purpose type consented to.</summary>
    public Type Purpose { get; }

    /// <summary>Who gave the consent.</summary>
    public string GivenBy { get; }

    /// <summary>Whether a guardian gave it for a resident under 14.</summary>
    public bool ByGuardian { get; }

    /// <summary>When it was given.</summary>
    public DateTimeOffset GivenAt { get; }

    /// <summary>The version of the notice the person read before consenting.</summary>
    public string NoticeVersion { get; }
}
