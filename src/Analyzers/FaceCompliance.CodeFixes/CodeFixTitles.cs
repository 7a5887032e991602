namespace FaceCompliance.CodeFixes;

/// <summary>The titles of the code actions, also their equivalence keys (so Fix All groups them), except where noted.</summary>
public static class CodeFixTitles
{
    public const string DeclarePurposeFormat = "Declare purpose '{0}'";
    public const string RequiresFacialConsent = "Move the consent obligation to callers with [RequiresFacialConsent]";
    public const string AddNonBiometricAlternative = "Add a non-biometric alternative";
    public const string AddPartial = "Declare the purpose type and the types around it 'partial'";

    /// <summary>One title per purpose; they share <see cref="ApproveNoticeEquivalenceKey"/>, so Fix All approves every notice.</summary>
    public const string ApproveNoticeFormat = "Approve the notice of '{0}'";
    public const string ApproveNoticeEquivalenceKey = "ApproveNotice";
    public const string ApproveAllNotices = "Approve every reported notice";
}
