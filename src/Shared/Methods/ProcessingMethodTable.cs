namespace FaceCompliance.Methods;

/// <summary>
/// The processing methods by value and the table of which uses a purpose's method allows (rule FC0005): the one
/// definition that the runtime (<c>FacialProcessingMethod</c>, <c>FacialProcessingMethodExtensions.Allows</c>), the
/// analyzers and the generators compile from. The analyzers and generators never reference the runtime assembly, so
/// the methods are the enum's integer values; a test in each test project compares them with the runtime enum.
/// </summary>
internal static class ProcessingMethodTable
{
    public const int Unspecified = 0;
    public const int Detection = 1;
    public const int Liveness = 2;
    public const int AttributeAnalysis = 3;
    public const int Verification = 4;
    public const int Identification = 5;

    /// <summary>The enum member names, indexed by value.</summary>
    public static readonly string[] Names = { "Unspecified", "Detection", "Liveness", "AttributeAnalysis", "Verification", "Identification" };

    /// <summary>
    /// Whether a purpose declared with <paramref name="purpose"/> allows a use performing <paramref name="use"/>
    /// (docs/semantics.md): every method allows Detection (which includes landmarks and alignment) and itself;
    /// Verification also allows Liveness; Identification also allows Liveness and Verification. An unspecified method
    /// on either side allows nothing, so a run-time check fails closed; the analyzer does not judge such a pair with
    /// FC0005 (FC0008 reports the purpose, and a use without a method is not checked).
    /// </summary>
    public static bool Allows(int purpose, int use)
    {
        if (!IsSpecified(purpose) || !IsSpecified(use))
        {
            return false;
        }

        if (use == purpose || use == Detection)
        {
            return true;
        }

        return purpose switch
        {
            Verification => use == Liveness,
            Identification => use is Liveness or Verification,
            _ => false,
        };
    }

    /// <summary>A declared method: one of the named values other than <see cref="Unspecified"/>.</summary>
    public static bool IsSpecified(int method) => method > Unspecified && method < Names.Length;

    /// <summary>1:1 and 1:N uses establish identity, so Art. 10 requires a non-biometric alternative beside them.</summary>
    public static bool IsIdentity(int method) => method is Verification or Identification;

    /// <summary>The member name of <paramref name="method"/>, or its number when it names none.</summary>
    public static string Name(int method) => method >= 0 && method < Names.Length ? Names[method] : method.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The method named <paramref name="name"/> (case-sensitive); <see cref="Unspecified"/> is not a name a catalog may use.</summary>
    public static bool TryParse(string name, out int method)
    {
        for (var value = Detection; value < Names.Length; value++)
        {
            if (string.Equals(Names[value], name, System.StringComparison.Ordinal))
            {
                method = value;
                return true;
            }
        }

        method = Unspecified;
        return false;
    }
}
