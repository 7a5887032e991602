namespace FaceCompliance.Analyzers;

internal static class RuleCategories
{
    public const string Purpose = "FaceCompliance.Purpose";
    public const string Consent = "FaceCompliance.Consent";
    public const string Alternative = "FaceCompliance.Alternative";
    public const string Notice = "FaceCompliance.Notice";
    public const string Configuration = "FaceCompliance.Configuration";
    public const string Jurisdiction = "FaceCompliance.Jurisdiction";
    public const string AiAct = "FaceCompliance.AiAct";
}
