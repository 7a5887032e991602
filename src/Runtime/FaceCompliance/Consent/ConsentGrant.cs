using System;

namespace FaceCompliance;

/// <summary>
/// What a person agreed to, as the application records it after they read the purpose's notice and took a separate
/// action to consent (Measures Art. 6). For a person under 14, the guardian consents (Art. 7; PIPL Art. 31).
/// </summary>
/// <param name="SubjectId">The person whose face will be processed: a pseudonymous id, at most 128 characters.</param>
/// <param name="Form">How consent was given.</param>
public sealed record ConsentGrant(string SubjectId, ConsentForm Form = ConsentForm.Separate)
{
    /// <summary>Whether the person is under 14.</summary>
    public bool SubjectIsUnder14 { get; init; }

    /// <summary>The parent or guardian who consented for a person under 14; required then, not allowed otherwise.</summary>
    public string? GuardianId { get; init; }

    /// <summary>How long the consent stays valid; the purpose's retention period when null.</summary>
    public TimeSpan? ValidFor { get; init; }
}
