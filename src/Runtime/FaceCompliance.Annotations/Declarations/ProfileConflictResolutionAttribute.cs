using System;

namespace FaceCompliance;

/// <summary>
/// Resolves a conflict between the declared jurisdictions' requirements that has no strictest answer, such as a duty
/// to keep templates against a duty to destroy them (<c>RetentionFloorAboveCeiling</c>) or on-device storage against
/// cloud matching (<c>DeviceLocalVersusCloudMatching</c>). The justification is copied into the generated assessments
/// (PIPL Art. 55; GDPR Art. 35).
/// On a purpose it resolves that purpose's conflict; on the assembly, every purpose's.
/// </summary>
/// <example><code>
/// [ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Separate consent to server matching is asked for (Measures Art. 8).")]
/// </code></example>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class ProfileConflictResolutionAttribute : Attribute
{
    /// <summary>Resolves the conflict <paramref name="rule"/>.</summary>
    /// <param name="rule">The conflict's id, e.g. <c>RetentionFloorAboveCeiling</c>.</param>
    /// <param name="justification">Why the chosen behaviour is lawful; copied into the assessments.</param>
    public ProfileConflictResolutionAttribute(string rule, string justification)
    {
        Rule = rule;
        Justification = justification;
    }

    /// <summary>The conflict's id.</summary>
    public string Rule { get; }

    /// <summary>Why the chosen behaviour is lawful.</summary>
    public string Justification { get; }
}
