using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FaceCompliance;

/// <summary>
/// PRC working days (工作日), for deadlines the Measures count in working days, such as the 30 working days to file
/// with the CAC (Art. 15).
/// </summary>
/// <remarks>
/// <para>
/// Saturdays and Sundays are not working days, public holidays (法定节假日) are removed, and make-up working days
/// (调休上班日, a Saturday or Sunday worked in exchange for a longer holiday) are added. The State Council publishes
/// each year's schedule in November of the year before; the application supplies it, or uses
/// <see cref="ChinaOfficialHolidays2025"/>.
/// </para>
/// <para>
/// Outside the dates supplied only weekends are observed. A missing holiday makes a deadline earlier, which is safe;
/// a missing make-up working day makes it later, so supply the next year's schedule as soon as it is published.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly FrozenSet<DateOnly> holidays;
    private readonly FrozenSet<DateOnly> makeUpWorkingDays;

    /// <summary>Creates a calendar from a holiday schedule.</summary>
    /// <param name="holidays">Days off; a holiday on a weekend changes nothing.</param>
    /// <param name="makeUpWorkingDays">Saturdays or Sundays that are working days (调休上班).</param>
    /// <exception cref="ArgumentException">A make-up working day is not a weekend day, or a day is in both lists.</exception>
    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        this.holidays = holidays.ToFrozenSet();
        this.makeUpWorkingDays = makeUpWorkingDays.ToFrozenSet();

        foreach (var day in this.makeUpWorkingDays.Order())
        {
            if (!IsWeekend(day))
            {
                throw new ArgumentException(
                    Format($"make-up working day {day:yyyy-MM-dd} is a {day.DayOfWeek}, a working day already; only a Saturday or Sunday can be made up."),
                    nameof(makeUpWorkingDays));
            }

            if (this.holidays.Contains(day))
            {
                throw new ArgumentException(
                    Format($"{day:yyyy-MM-dd} is both a holiday and a make-up working day."),
                    nameof(makeUpWorkingDays));
            }
        }
    }

    /// <summary>Monday to Friday are working days, with no holidays.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>
    /// The 2025 schedule of the State Council General Office (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号,
    /// 2024-11-12). Dates in other years observe weekends only.
    /// </summary>
    /// <returns>A calendar with the 2025 public holidays and make-up working days.</returns>
    public static WorkingDayCalendar ChinaOfficialHolidays2025() => new(
        [
            new(2025, 1, 1),                                   // 元旦
            .. Range(new(2025, 1, 28), new(2025, 2, 4)),       // 春节, from New Year's Eve
            .. Range(new(2025, 4, 4), new(2025, 4, 6)),        // 清明节
            .. Range(new(2025, 5, 1), new(2025, 5, 5)),        // 劳动节
            .. Range(new(2025, 5, 31), new(2025, 6, 2)),       // 端午节
            .. Range(new(2025, 10, 1), new(2025, 10, 8)),      // 国庆节 and 中秋节
        ],
        [
            new(2025, 1, 26), new(2025, 2, 8),                 // for 春节
            new(2025, 4, 27),                                  // for 劳动节
            new(2025, 9, 28), new(2025, 10, 11),               // for 国庆节 and 中秋节
        ]);

    /// <summary>Whether people work on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> for a weekday that is not a holiday, or a make-up working day.</returns>
    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (!IsWeekend(date) && !holidays.Contains(date));

    /// <summary>
    /// The day on which <paramref name="days"/> working days after <paramref name="start"/> have elapsed: the
    /// <paramref name="days"/>-th working day after it. <paramref name="start"/> itself never counts, whether or not
    /// it is a working day, as the day an obligation arises does not count towards its deadline.
    /// </summary>
    /// <param name="start">The day the period begins; not counted.</param>
    /// <param name="days">How many working days; 0 returns <paramref name="start"/>.</param>
    /// <returns>The last day of the period, always a working day when <paramref name="days"/> is positive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result is past <see cref="DateOnly.MaxValue"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            if (date == DateOnly.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(days), Format($"{days} working days after {start:yyyy-MM-dd} is past the last representable date."));
            }

            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> Range(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
