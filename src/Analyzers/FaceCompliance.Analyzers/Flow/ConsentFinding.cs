using FaceCompliance.Analyzers.Model;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>Which rule a <see cref="ConsentFinding"/> is.</summary>
internal enum ConsentFindingKind
{
    /// <summary>No check makes the use lawful on every path: FC0002, or FC0006 when some check holds on every path but not one it needs.</summary>
    NotLawful,

    /// <summary>The use is lawful, but under a purpose that may involve minors no guardian-aware check holds on every path (FC0017).</summary>
    NoGuardian,

    /// <summary>The use needs separate-consent scopes that no check verifies on every path (FC0018).</summary>
    MissingScopes,
}

/// <summary>A use whose consent is not proven on every path: FC0002, FC0006, FC0017 or FC0018.</summary>
internal sealed class ConsentFinding
{
    public ConsentFinding(ConsentFindingKind kind, FacialUse use, string needed, string? checkedInstead, string? reason, bool needsBasisCheck = false, ConsentScopeDemand? demand = null)
    {
        Kind = kind;
        Use = use;
        Needed = needed;
        CheckedInstead = checkedInstead;
        Reason = reason;
        NeedsBasisCheck = needsBasisCheck;
        Demand = demand;
    }

    /// <summary>The purposes needed rest on a legal basis other than consent: a <c>[FacialBasisCheck]</c> makes the use lawful.</summary>
    public bool NeedsBasisCheck { get; }

    /// <summary>For <see cref="ConsentFindingKind.MissingScopes"/>: the scopes the use needs and what it does.</summary>
    public ConsentScopeDemand? Demand { get; }

    public ConsentFindingKind Kind { get; }

    public FacialUse Use { get; }

    /// <summary>The purposes the use needs a check for, as <see cref="ConsentRequirement.ToString"/> says them.</summary>
    public string Needed { get; }

    /// <summary>For <see cref="ConsentFindingKind.NotLawful"/>: the purposes checked on every path instead; null when no check holds on every path (FC0002).</summary>
    public string? CheckedInstead { get; }

    /// <summary>Why a check before the use does not count, or why the analysis cannot follow it; null when nothing needs saying.</summary>
    public string? Reason { get; }
}
