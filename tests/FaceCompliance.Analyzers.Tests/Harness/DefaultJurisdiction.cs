using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Where snippets operate when the test does not say: China, as every project did before jurisdictions were declared.
/// <see cref="Prelude"/> declares it; a snippet without the prelude gets this file beside it unless one of its sources
/// declares <c>OperatesIn</c> itself or the test leaves it out (<c>WithoutJurisdiction()</c>), so FC0100 is reported
/// only where a test expects it.
/// </summary>
public static class DefaultJurisdiction
{
    public const string FileName = "Jurisdiction.cs";

    /// <summary>China, and the resolution of its device-local default that <see cref="Prelude"/> declares too (FC0102).</summary>
    public const string Source = """
        [assembly: FaceCompliance.OperatesIn(FaceCompliance.Jurisdiction.CN)]
        [assembly: FaceCompliance.ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Server storage needs the separate Transfer consent (Measures Art. 8; FC0018).")]

        """;

    /// <summary>Whether one of <paramref name="sources"/> declares a jurisdiction itself.</summary>
    public static bool DeclaredIn(IEnumerable<string> sources) => sources.Any(source => source.Contains("OperatesIn(", System.StringComparison.Ordinal));
}
