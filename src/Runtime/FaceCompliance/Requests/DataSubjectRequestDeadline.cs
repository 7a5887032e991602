using System;

namespace FaceCompliance;

/// <summary>
/// The deadlines of GDPR Art. 12(3) (JURISDICTIONS.md EU-GDPR-12-3-RESPOND): one month from receipt, extendable once by
/// two further months. A period in months ends at the end of the day (UTC) with the same date in the last month, or of
/// that month's last day when it has no such date: Jan 31 gives Feb 28 (Feb 29 in a leap year). This is the rule of
/// Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c) as the toolkit reads it; JURISDICTIONS.md names no rule for it
/// (UNCONFIRMED), and the move to the next working day of Art. 3(4) is not applied, so a deadline is never later than
/// the law's. The extension runs from the first due day, not from receipt: Jan 31 gives Feb 28, then Apr 28.
/// </summary>
public static class DataSubjectRequestDeadline
{
    /// <summary>The months to answer in (Art. 12(3)).</summary>
    public const int Months = 1;

    /// <summary>The months a deadline may be extended by, once (Art. 12(3)).</summary>
    public const int ExtensionMonths = 2;

    /// <summary>The instant a request received at <paramref name="receivedAt"/> is overdue: the start of the day (UTC) after its due day.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt) => AfterMonths(receivedAt, Months);

    /// <summary>The overdue instant after the one extension of a request first due at <paramref name="dueAt"/>.</summary>
    public static DateTimeOffset ExtendedDueAt(DateTimeOffset dueAt) => AfterMonths(dueAt.AddDays(-1), ExtensionMonths);

    private static DateTimeOffset AfterMonths(DateTimeOffset from, int months)
    {
        var day = from.UtcDateTime.Date;
        // AddMonths keeps the day of the month, or takes the month's last day when it has no such day.
        var dueDay = day.AddMonths(months);
        return new DateTimeOffset(dueDay.AddDays(1), TimeSpan.Zero);
    }
}
