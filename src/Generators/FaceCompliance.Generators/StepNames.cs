namespace FaceCompliance.Generators;

/// <summary>The tracked names of the generator's steps, asserted by the incremental tests.</summary>
internal static class StepNames
{
    public const string Purposes = nameof(Purposes);
    public const string Processor = nameof(Processor);
    public const string Notices = nameof(Notices);
    public const string Assembly = nameof(Assembly);
    public const string Baseline = nameof(Baseline);
    public const string ChangeNotices = nameof(ChangeNotices);
    public const string OperatesIn = nameof(OperatesIn);
    public const string Jurisdictions = nameof(Jurisdictions);
    public const string Profiles = nameof(Profiles);
}
