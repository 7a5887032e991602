using System;

namespace FaceCompliance;

/// <summary>
/// Declares a duty to keep a purpose's face templates at least <see cref="MinimumDays"/> days, imposed by
/// <see cref="Source"/> (a legal hold, a records law, Texas §503.001(c-1)). The purposes it covers are merged with it:
/// a duty to keep that outlasts a declared jurisdiction's duty to destroy (BIPA §15(a); GDPR Art. 5(1)(e)) is the
/// <c>RetentionFloorAboveCeiling</c> conflict (FC0102), an error until a <see cref="ProfileConflictResolutionAttribute"/>
/// resolves it. On a purpose it covers that purpose; on the assembly, every purpose.
/// </summary>
/// <example><code>
/// [FacialDataRetentionDuty(1825, "Court order 2026-CV-0142 (legal hold)")]
/// </code></example>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class FacialDataRetentionDutyAttribute : Attribute
{
    /// <summary>Declares a duty to keep templates at least <paramref name="minimumDays"/> days.</summary>
    /// <param name="minimumDays">How many days the templates must at least be kept (positive).</param>
    /// <param name="source">The law, order or contract that imposes the duty.</param>
    public FacialDataRetentionDutyAttribute(int minimumDays, string source)
    {
        MinimumDays = minimumDays;
        Source = source;
    }

    /// <summary>How many days the templates must at least be kept.</summary>
    public int MinimumDays { get; }

    /// <summary>The law, order or contract that imposes the duty.</summary>
    public string Source { get; }
}
