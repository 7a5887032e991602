using System;
using System.Globalization;

namespace FaceCompliance.Profiles;

/// <summary>
/// The date the law is evaluated at: which profile rows are in force (<see cref="LawWindow"/>). It comes from the
/// MSBuild property <c>FaceComplianceLawDate</c> (<c>yyyy-MM-dd</c>), never from the clock, so a build gives the same
/// result on any day. Unset, it is <see cref="Default"/>, a fixed date shipped with this version of FaceCompliance.
/// </summary>
internal static class LawDate
{
    /// <summary>The MSBuild property.</summary>
    public const string PropertyName = "FaceComplianceLawDate";

    /// <summary>The key the compiler passes it to analyzers and generators under (a <c>CompilerVisibleProperty</c>).</summary>
    public const string BuildProperty = "build_property." + PropertyName;

    public const string Format_ = "yyyy-MM-dd";

    /// <summary>
    /// The law date when the property is unset: the day the requirement table was last reviewed against
    /// JURISDICTIONS.md. It moves only with a new FaceCompliance version, never with the clock.
    /// </summary>
    public static readonly DateTime Default = new(2026, 12, 1);

    /// <summary>
    /// Reads the property's value. Empty or missing gives <see cref="Default"/> and true; a valid date gives it and true;
    /// anything else gives <see cref="Default"/> and false (FC0103).
    /// </summary>
    public static bool TryParse(string? text, out DateTime date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = Default;
            return true;
        }

        if (DateTime.TryParseExact(text!.Trim(), Format_, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed.Date;
            return true;
        }

        date = Default;
        return false;
    }

    public static string Format(DateTime date) => date.ToString(Format_, CultureInfo.InvariantCulture);
}
