namespace FaceCompliance;

/// <summary>Why a purpose has no legal-basis grant that applies now. Each reason has its own message.</summary>
public enum LegalBasisRejection
{
    /// <summary>The purpose declares consent as its basis: it needs each person's consent receipt, not a basis grant.</summary>
    ConsentBasis = 1,

    /// <summary>No grant was ever recorded for the purpose.</summary>
    NoGrant = 2,

    /// <summary>The grant's stored content no longer matches its signature.</summary>
    Tampered = 3,

    /// <summary>The grant was revoked.</summary>
    Revoked = 4,

    /// <summary>The grant's period has not started yet.</summary>
    NotYetValid = 5,

    /// <summary>The grant's period ended.</summary>
    Expired = 6,

    /// <summary>The grant records another basis than the one the purpose declares now.</summary>
    OtherBasis = 7,
}
