namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>Wraps members in a compliant gate class, so flow tests show only the method under test.</summary>
public static class Snippets
{
    public const string GateTemplate = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public partial class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

        /*MEMBERS*/
        }
        """;

    public static string InGate(string members) => GateTemplate.Replace("/*MEMBERS*/", members, System.StringComparison.Ordinal);
}
