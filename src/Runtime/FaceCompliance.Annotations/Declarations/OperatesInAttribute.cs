using System;

namespace FaceCompliance;

/// <summary>
/// Declares a jurisdiction where the application operates, with the parameters its profile needs; one attribute per
/// jurisdiction. Every purpose serves all declared jurisdictions unless it narrows them with
/// <see cref="FacialDataPurposeAttribute.Jurisdictions"/>, and their requirements merge with the strictest value winning.
/// Each law sets its own reach (Measures Art. 2; GDPR Art. 3). Processing facial data with no jurisdiction declared is an error (FC0100).
/// </summary>
/// <example><code>
/// [assembly: OperatesIn(Jurisdiction.CN)]
/// [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.org/biometrics")]
/// [assembly: OperatesIn(Jurisdiction.EU, MemberStates = "NL,DE")]
/// [assembly: OperatesIn(Jurisdiction.EU_AIACT, AiActRole = AiActRole.Deployer)]
/// </code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class OperatesInAttribute : Attribute
{
    /// <summary>Declares that the application operates in <paramref name="jurisdiction"/>.</summary>
    /// <param name="jurisdiction">The jurisdiction whose profile applies.</param>
    public OperatesInAttribute(Jurisdiction jurisdiction) => Jurisdiction = jurisdiction;

    /// <summary>The jurisdiction whose profile applies.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>
    /// Where the public written retention and destruction policy is published (Illinois BIPA §15(a); Colorado
    /// 6-1-1314(2)): required before collection under <see cref="Jurisdiction.US_IL"/> and <see cref="Jurisdiction.US_CO"/>.
    /// </summary>
    public string? PublicRetentionPolicyUrl { get; set; }

    /// <summary>The EU member states of operation as ISO 3166-1 alpha-2 codes, comma-separated (GDPR Art. 9(4) national rules).</summary>
    public string? MemberStates { get; set; }

    /// <summary>The operator's role under the AI Act (<see cref="Jurisdiction.EU_AIACT"/>); a deployer by default.</summary>
    public AiActRole AiActRole { get; set; }

    /// <summary>
    /// How to reach the data protection officer, if one is designated (GDPR Art. 13(1)(b)); optional. The Art. 13
    /// notice names it under <see cref="Jurisdiction.EU"/>.
    /// </summary>
    public string? DataProtectionOfficerContact { get; set; }

    /// <summary>
    /// The supervisory authority people may complain to, with its address or web site (GDPR Art. 13(2)(d), Art. 77);
    /// required under <see cref="Jurisdiction.EU"/> for the Art. 13 notice (FC0120).
    /// </summary>
    public string? SupervisoryAuthority { get; set; }
}
