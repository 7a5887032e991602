using System;

namespace FaceCompliance.Profiles;

/// <summary>
/// A profile parameter's value with where it comes from: the rule id of its row in <c>shared/docs/JURISDICTIONS.md</c>
/// (or <c>REGULATION.md</c> for CN), the evidence keys of that row, and whether the document marks it UNCONFIRMED, so
/// generated text can say so.
/// </summary>
internal readonly struct Sourced<T>
{
    public Sourced(T value, string rule, string evidence, bool unconfirmed = false, LawWindow window = default)
    {
        Value = value;
        Rule = rule;
        Evidence = evidence;
        Unconfirmed = unconfirmed;
        Window = window;
    }

    public T Value { get; }

    /// <summary>The row's rule id, e.g. <c>IL-15A-DESTROY</c>.</summary>
    public string Rule { get; }

    /// <summary>The row's evidence keys, e.g. <c>IL1</c> or <c>CO2, CO1</c>.</summary>
    public string Evidence { get; }

    /// <summary>The document marks the value UNCONFIRMED: generated text must say so.</summary>
    public bool Unconfirmed { get; }

    /// <summary>When the row is in force; <see cref="LawWindow.Always"/> (the default) for a row with no date.</summary>
    public LawWindow Window { get; }

    public override string ToString() => $"{Value} ({Rule}; {Evidence}{(Unconfirmed ? "; UNCONFIRMED" : "")}{Window.Describe()})";
}

/// <summary>
/// The dates between which a profile row is in force: from <see cref="From"/> (inclusive) until <see cref="Until"/>
/// (exclusive, the day a later text replaced it). Compared with the law date (<see cref="LawDate"/>), never the clock.
/// </summary>
internal readonly struct LawWindow
{
    public LawWindow(DateTime? from, DateTime? until, bool unconfirmed = false)
    {
        From = from;
        Until = until;
        DateUnconfirmed = unconfirmed;
    }

    public static readonly LawWindow Always = default;

    public DateTime? From { get; }

    public DateTime? Until { get; }

    /// <summary>The document marks the date itself UNCONFIRMED (e.g. a postponement not yet published).</summary>
    public bool DateUnconfirmed { get; }

    public static LawWindow Since(int year, int month, int day, bool unconfirmed = false) => new(new DateTime(year, month, day), null, unconfirmed);

    public static LawWindow Before(int year, int month, int day) => new(null, new DateTime(year, month, day), false);

    public bool InForceOn(DateTime lawDate) => (From is null || lawDate >= From.Value) && (Until is null || lawDate < Until.Value);

    public string Describe()
        => (From is null ? "" : "; in force from " + LawDate.Format(From.Value))
        + (Until is null ? "" : "; until " + LawDate.Format(Until.Value))
        + (DateUnconfirmed ? " (date UNCONFIRMED)" : "");
}

/// <summary>What one consent receipt must be (Part 2 <c>ConsentRequirements</c>); merged profiles need the union.</summary>
[Flags]
internal enum ConsentProperty
{
    None = 0,

    /// <summary>Unbundled from other consents (CN 单独同意).</summary>
    Separate = 1,

    /// <summary>An express statement or affirmative act, never implied (GDPR Art. 9(2)(a), PIPL Art. 14).</summary>
    Explicit = 2,

    /// <summary>A written release; an electronic signature counts (BIPA §15(b)(3) as amended in 2024).</summary>
    WrittenOrESignature = 4,

    /// <summary>For one specified purpose; a new purpose needs a new consent.</summary>
    PurposeSpecific = 8,

    /// <summary>The receipt names the notice version the person was shown.</summary>
    NoticeVersionBound = 16,

    /// <summary>A written release, as BIPA §15(b)(3) read before 2024-08-02 (an electronic signature was not settled).</summary>
    Written = 32,
}

/// <summary>The event a deletion deadline runs from.</summary>
internal enum RetentionAnchor
{
    /// <summary>The person's last interaction with the controller (BIPA 3 y, Colorado 24 months).</summary>
    LastInteraction,

    /// <summary>The purpose is satisfied or expires (BIPA 0, Texas at most 1 y).</summary>
    PurposeEnd,

    /// <summary>The controller decides storage is no longer necessary (Colorado 45 days).</summary>
    NoLongerNecessaryDecision,
}

/// <summary>A legal period in whole months or whole days, as the law states it.</summary>
internal readonly struct LawPeriod : IComparable<LawPeriod>, IEquatable<LawPeriod>
{
    private LawPeriod(int months, int days)
    {
        Months = months;
        Days = days;
    }

    public int Months { get; }

    public int Days { get; }

    public static LawPeriod OfMonths(int months) => new(months, 0);

    public static LawPeriod OfYears(int years) => new(years * 12, 0);

    public static LawPeriod OfDays(int days) => new(0, days);

    public static readonly LawPeriod Zero = new(0, 0);

    /// <summary>The deadline <paramref name="start"/> plus this period (calendar months, then days).</summary>
    public DateTimeOffset After(DateTimeOffset start) => start.AddMonths(Months).AddDays(Days);

    /// <summary>
    /// Orders periods. Periods of one unit compare exactly; months against days compare a month as 30.44 days (the
    /// law's periods differ by far more than the calendar does, and the runtime applies each profile's own period to
    /// real dates anyway).
    /// </summary>
    public int CompareTo(LawPeriod other)
        => Days == 0 && other.Days == 0 ? Months.CompareTo(other.Months)
        : Months == 0 && other.Months == 0 ? Days.CompareTo(other.Days)
        : HundredthsOfDays.CompareTo(other.HundredthsOfDays);

    private long HundredthsOfDays => (Months * 3044L) + (Days * 100L);

    public bool Equals(LawPeriod other) => Months == other.Months && Days == other.Days;

    public override bool Equals(object? obj) => obj is LawPeriod other && Equals(other);

    public override int GetHashCode() => (Months * 397) ^ Days;

    public override string ToString()
        => Months == 0 ? $"{Days} days"
        : Months % 12 == 0 && Days == 0 ? $"{Months / 12} years"
        : Days == 0 ? $"{Months} months"
        : $"{Months} months {Days} days";
}

/// <summary>Delete at the latest <see cref="Period"/> after <see cref="Anchor"/>.</summary>
internal readonly struct DeletionLimit
{
    public DeletionLimit(RetentionAnchor anchor, LawPeriod period)
    {
        Anchor = anchor;
        Period = period;
    }

    public RetentionAnchor Anchor { get; }

    public LawPeriod Period { get; }

    public override string ToString() => $"{Period} after {Anchor}";
}

/// <summary>The elements a notice or policy must contain (JURISDICTIONS.md §7), in the order the notice prints them.</summary>
internal enum RequiredNoticeElement
{
    ControllerContact,
    DpoContact,
    BiometricDataCollected,
    SpecificPurpose,
    LegalBasis,
    Method,
    RetentionTerm,
    Recipients,
    TransfersAbroad,
    Rights,
    WithdrawConsent,
    ComplaintToAuthority,
    StatutoryOrContractualRequirement,
    AutomatedDecisions,
    NonBiometricAlternative,
}

/// <summary>The assessments and records a profile requires before processing.</summary>
internal enum RequiredAssessment
{
    /// <summary>PIPL personal information protection impact assessment (CN).</summary>
    Pipia,

    /// <summary>GDPR Art. 35 data protection impact assessment.</summary>
    Dpia,

    /// <summary>GDPR Art. 30 record of processing activities.</summary>
    RecordOfProcessing,
}

/// <summary>The grounds on which a profile allows disclosing biometric data to someone else; merged profiles keep the intersection.</summary>
internal enum DisclosureBasis
{
    SubjectConsent = LawValues.DisclosureSubjectConsent,
    RequestedFinancialTransaction = LawValues.DisclosureRequestedFinancialTransaction,
    RequiredByLaw = LawValues.DisclosureRequiredByLaw,
    PermittedByLaw = LawValues.DisclosurePermittedByLaw,
    WarrantOrSubpoena = LawValues.DisclosureWarrantOrSubpoena,
    ProcessorWithinConsentedPurpose = LawValues.DisclosureProcessorWithinConsentedPurpose,
    IdentificationOfMissingOrDeceased = LawValues.DisclosureIdentificationOfMissingOrDeceased,
}

/// <summary>A scope a profile exempts from its duties; merged profiles keep an exemption only if every profile grants it.</summary>
internal enum ProfileExemption
{
    /// <summary>CN Art. 2 §2: research and development or algorithm training inside the PRC.</summary>
    ResearchAndDevelopment,

    /// <summary>Texas §503.001(e) from 2026-01-01: AI training, unless used to identify a specific person.</summary>
    AiTraining,

    /// <summary>BIPA §25: financial institutions under GLBA.</summary>
    FinancialInstitution,

    /// <summary>BIPA §10: a State or local government agency is not a private entity.</summary>
    GovernmentAgency,
}
