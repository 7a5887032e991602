namespace FaceCompliance.CodeFixes;

/// <summary>The titles of the code actions, also their equivalence keys (so Fix All groups them).</summary>
public static class CodeFixTitles
{
    public const string DeclarePurposeFormat = "Declare purpose '{0}'";
    public const string RequiresFacialConsent = "Move the consent obligation to callers with [RequiresFacialConsent]";
    public const string AddNonBiometricAlternative = "Add a non-biometric alternative";
}
