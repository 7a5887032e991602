using FaceCompliance.Analyzers.Model;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>A use whose consent is not proven on every path: FC0002, or FC0006 when some check holds on every path but not one it needs.</summary>
internal sealed class ConsentFinding
{
    public ConsentFinding(FacialUse use, string needed, string? checkedInstead, string? reason)
    {
        Use = use;
        Needed = needed;
        CheckedInstead = checkedInstead;
        Reason = reason;
    }

    public FacialUse Use { get; }

    /// <summary>The consent the use needs, as <see cref="ConsentRequirement.ToString"/> says it.</summary>
    public string Needed { get; }

    /// <summary>The purposes checked on every path instead; null when no check holds on every path (FC0002).</summary>
    public string? CheckedInstead { get; }

    /// <summary>Why a check before the use does not count, or why the analysis cannot follow it; null when nothing needs saying.</summary>
    public string? Reason { get; }
}
