using System;

namespace FaceCompliance;

/// <summary>
/// Which audit records to read (<see cref="IAuditTrail.Query"/>): every condition given must hold. Records come in
/// sequence order, at most <see cref="Limit"/> at a time; read the next page with <see cref="AfterSequence"/> set to the
/// last record's <see cref="AuditRecord.Sequence"/>.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The most records one query returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only records about this person, or <see langword="null"/> for any.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Only records of this kind, or <see langword="null"/> for any.</summary>
    public AuditAction? Action { get; init; }

    /// <summary>Only records written at or after this time, or <see langword="null"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only records written before this time, or <see langword="null"/>.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only records after this sequence number: 0 for the first page, then the last sequence of the page before.</summary>
    public long AfterSequence { get; init; }

    /// <summary>The most records to return, 1 to <see cref="MaxLimit"/>; 100 by default.</summary>
    public int Limit { get; init; } = 100;
}
