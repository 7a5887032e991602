using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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
/// each year's schedule in November of the year before. <see cref="ChinaOfficial"/> reads the schedules shipped with
/// the library (2025 and 2026); <see cref="Load"/> reads a deployer's file in the same format (documented in
/// docs/runtime.md), and <see cref="Including"/> adds its years.
/// </para>
/// <para>
/// A year is <em>scheduled</em> when the calendar holds its complete schedule (<see cref="ScheduledYears"/>). In
/// other years only weekends are observed, which is a guess: <see cref="Deadline"/> says when a period runs into
/// such a year (<see cref="WorkingDayDeadline.IsEstimate"/>), and <see cref="WorkingDayDeadline.EnsureScheduled"/>
/// throws instead.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private const string ChinaResource = "FaceCompliance.Filing.ChinaHolidays.txt";

    private static readonly Lazy<WorkingDayCalendar> s_chinaOfficial = new(() =>
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ChinaResource)
            ?? throw new InvalidOperationException($"The resource {ChinaResource} is missing from the FaceCompliance assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "ChinaHolidays.txt");
    });

    private readonly FrozenSet<DateOnly> holidays;
    private readonly FrozenSet<DateOnly> makeUpWorkingDays;
    private readonly FrozenDictionary<int, string> schedules;

    /// <summary>Creates a calendar from a holiday schedule, for no particular year (<see cref="ScheduledYears"/> is empty).</summary>
    /// <param name="holidays">Days off; a holiday on a weekend changes nothing.</param>
    /// <param name="makeUpWorkingDays">Saturdays or Sundays that are working days (调休上班).</param>
    /// <exception cref="ArgumentException">A make-up working day is not a weekend day, or a day is in both lists.</exception>
    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
        : this(holidays, makeUpWorkingDays, new Dictionary<int, string>())
    {
    }

    private WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays, IDictionary<int, string> schedules)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        this.holidays = holidays.ToFrozenSet();
        this.makeUpWorkingDays = makeUpWorkingDays.ToFrozenSet();
        this.schedules = schedules.ToFrozenDictionary();

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

    /// <summary>Monday to Friday are working days, with no holidays and no scheduled year.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>
    /// The years whose complete schedule this calendar holds, with the notice each comes from (for example
    /// 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号…）).
    /// </summary>
    public IReadOnlyDictionary<int, string> ScheduledYears => schedules;

    /// <summary>
    /// The State Council schedules shipped with the library, read from its embedded data file: 2025 (国办发明电〔2024〕12号,
    /// 2024-11-12) and 2026 (notice of 2025-11-04). Add later years with <see cref="Including"/> and <see cref="Load"/>
    /// until a library update ships them.
    /// </summary>
    /// <returns>The same calendar on every call.</returns>
    public static WorkingDayCalendar ChinaOfficial() => s_chinaOfficial.Value;

    /// <summary>The 2025 schedule alone (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号). Prefer <see cref="ChinaOfficial"/>.</summary>
    /// <returns>A calendar with the 2025 public holidays and make-up working days; 2025 is its only scheduled year.</returns>
    public static WorkingDayCalendar ChinaOfficialHolidays2025()
    {
        var official = ChinaOfficial();
        return new(official.holidays.Where(d => d.Year == 2025), official.makeUpWorkingDays.Where(d => d.Year == 2025),
            new Dictionary<int, string> { [2025] = official.schedules[2025] });
    }

    /// <summary>Reads a schedule file a deployer supplies, in the format of the library's own data file (docs/runtime.md).</summary>
    /// <param name="path">The file, UTF-8.</param>
    /// <returns>A calendar whose <see cref="ScheduledYears"/> are the file's <c>year</c> lines.</returns>
    /// <exception cref="FormatException">A line is not valid; the message names the file and line.</exception>
    public static WorkingDayCalendar Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads a schedule from text. Each line is <c>year YYYY source</c>, <c>off YYYY-MM-DD[..YYYY-MM-DD] name</c> or
    /// <c>work YYYY-MM-DD name</c>; <c>#</c> starts a comment. Every date must fall in a year declared by a
    /// <c>year</c> line, and a year may be declared once.
    /// </summary>
    /// <param name="text">The schedule.</param>
    /// <param name="sourceName">How error messages name the text (a file name).</param>
    /// <returns>A calendar whose <see cref="ScheduledYears"/> are the <c>year</c> lines.</returns>
    /// <exception cref="FormatException">A line is not valid: an unknown keyword, a bad or reversed date, a date in an undeclared year, a year declared twice or without its source, a make-up day that is not a weekend day, or a day both off and worked.</exception>
    public static WorkingDayCalendar Parse(string text, string sourceName = "schedule")
    {
        ArgumentNullException.ThrowIfNull(text);
        var years = new Dictionary<int, string>();
        var off = new List<(DateOnly Day, int Line)>();
        var work = new List<(DateOnly Day, int Line)>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index];
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            line = (comment >= 0 ? line[..comment] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0])
            {
                case "year":
                    if (parts.Length < 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999)
                    {
                        throw Error(lineNumber, "a 'year' line is 'year YYYY source', the source being the notice the schedule comes from.");
                    }

                    if (!years.TryAdd(year, parts[2].Trim()))
                    {
                        throw Error(lineNumber, Format($"year {year} is declared twice."));
                    }

                    break;
                case "off" when parts.Length >= 2:
                    var range = parts[1].Split("..");
                    var first = Date(range[0], lineNumber);
                    var last = range.Length == 2 ? Date(range[1], lineNumber) : first;
                    if (range.Length > 2 || last < first)
                    {
                        throw Error(lineNumber, Format($"'{parts[1]}' is not a date or a range FIRST..LAST with FIRST not after LAST."));
                    }

                    off.AddRange(Range(first, last).Select(day => (day, lineNumber)));
                    break;
                case "work" when parts.Length >= 2:
                    var worked = Date(parts[1], lineNumber);
                    if (!IsWeekend(worked))
                    {
                        throw Error(lineNumber, Format($"make-up working day {worked:yyyy-MM-dd} is a {worked.DayOfWeek}; only a Saturday or Sunday can be made up."));
                    }

                    work.Add((worked, lineNumber));
                    break;
                default:
                    throw Error(lineNumber, Format($"'{line}' is not a 'year', 'off' or 'work' line."));
            }
        }

        foreach (var (day, lineNumber) in off.Concat(work))
        {
            if (!years.ContainsKey(day.Year))
            {
                throw Error(lineNumber, Format($"{day:yyyy-MM-dd} is in {day.Year}, which no 'year' line declares: declare the year with the notice its schedule comes from."));
            }
        }

        var offDays = off.Select(o => o.Day).ToHashSet();
        if (work.FirstOrDefault(w => offDays.Contains(w.Day)) is { Line: > 0 } clash)
        {
            throw Error(clash.Line, Format($"{clash.Day:yyyy-MM-dd} is both a day off and a make-up working day."));
        }

        return new(offDays, work.Select(w => w.Day), years);

        FormatException Error(int lineNumber, string message) => new(Format($"{sourceName}, line {lineNumber}: {message}"));

        DateOnly Date(string value, int lineNumber) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(lineNumber, Format($"'{value}' is not a date YYYY-MM-DD."));
    }

    /// <summary>
    /// This calendar with the years <paramref name="schedule"/> schedules taken from it instead: its days replace this
    /// calendar's days in those years, and its other days are added. Use it to add a year the library does not ship
    /// yet, or to correct one: <c>WorkingDayCalendar.ChinaOfficial().Including(WorkingDayCalendar.Load("holidays-2027.txt"))</c>.
    /// </summary>
    /// <param name="schedule">The calendar whose years win.</param>
    /// <returns>A new calendar scheduling the years of both.</returns>
    /// <exception cref="ArgumentException">The result would hold a day that is both a holiday and a make-up working day.</exception>
    public WorkingDayCalendar Including(WorkingDayCalendar schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        bool Kept(DateOnly day) => !schedule.schedules.ContainsKey(day.Year);
        var years = schedules.Where(s => !schedule.schedules.ContainsKey(s.Key)).Concat(schedule.schedules).ToDictionary();
        return new(holidays.Where(Kept).Concat(schedule.holidays), makeUpWorkingDays.Where(Kept).Concat(schedule.makeUpWorkingDays), years);
    }

    /// <summary>Whether the calendar holds the complete schedule of <paramref name="year"/>.</summary>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when <see cref="ScheduledYears"/> has it.</returns>
    public bool IsScheduled(int year) => schedules.ContainsKey(year);

    /// <summary>Whether people work on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> for a weekday that is not a holiday, or a make-up working day.</returns>
    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (!IsWeekend(date) && !holidays.Contains(date));

    /// <summary>
    /// The day on which <paramref name="days"/> working days after <paramref name="start"/> have elapsed: the
    /// <paramref name="days"/>-th working day after it. <paramref name="start"/> itself never counts, whether or not
    /// it is a working day, as the day an obligation arises does not count towards its deadline. In a year that is
    /// not scheduled only weekends are observed; <see cref="Deadline"/> says so.
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

    /// <summary>
    /// <see cref="AddWorkingDays"/>, and the years the period runs through (after <paramref name="start"/>, up to the
    /// result) that the calendar does not schedule: the result is then an estimate, counted on weekends only there.
    /// </summary>
    /// <param name="start">The day the period begins; not counted.</param>
    /// <param name="days">How many working days.</param>
    /// <returns>The deadline, with <see cref="WorkingDayDeadline.IsEstimate"/> set when a year of the period has no schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="AddWorkingDays"/>.</exception>
    public WorkingDayDeadline Deadline(DateOnly start, int days)
    {
        var date = AddWorkingDays(start, days);
        var first = days == 0 ? date.Year + 1 : start.AddDays(1).Year;
        var missing = Enumerable.Range(first, Math.Max(0, date.Year - first + 1)).Where(year => !IsScheduled(year)).ToArray();
        return new WorkingDayDeadline(start, days, date, missing);
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
