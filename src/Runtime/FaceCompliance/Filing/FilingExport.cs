using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using FaceCompliance.Filing;
using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// The filing form (人脸识别技术应用情况备案表; Measures Art. 15) written at run time, with the real number of people
/// stored: a filing, a change filing (变更备案: the differences from the last filing) and the cancellation filing
/// (注销备案) when the service stops. It reads the same declarations the generator reads (the assembly's
/// <see cref="FacialDataProcessorAttribute"/> and each type's <see cref="FacialDataPurposeAttribute"/> and
/// <see cref="FacialDataRecipientAttribute"/>s, with the generated notice version) and writes filing.json with the
/// one writer the build's report uses (src/Shared/Filing), so the two documents cannot disagree. The caller passes
/// the count: the number of distinct people whose face information all stores and galleries of the processor hold.
/// </summary>
public sealed class FilingExport
{
    private const string Tool = "FaceCompliance.FilingExport";
    private const int DeadlineWorkingDays = 30;

    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal)
    {
        "备案类型", "备案时限", "达到备案数量之日", "停止使用日期", "备案截止日期", "填报日期", "生成工具", "变更事项", "待补充事项",
    };

    private readonly FilingFacts _facts;

    private FilingExport(FilingFacts facts) => _facts = facts;

    /// <summary>The ids of the purposes the form lists, ordered by id.</summary>
    public IReadOnlyList<string> PurposeIds => _facts.Purposes.Select(p => p.Id).ToList();

    /// <summary>Reads the processor and every purpose type declared in <paramref name="assembly"/>.</summary>
    /// <exception cref="ArgumentException">The assembly declares no processor or no purpose.</exception>
    public static FilingExport FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var processor = assembly.GetCustomAttribute<FacialDataProcessorAttribute>()
            ?? throw new ArgumentException($"Assembly '{assembly.GetName().Name}' declares no [assembly: FacialDataProcessor] (Measures Art. 5 §1(1)).", nameof(assembly));
        return FromDeclarations(processor, LoadableTypes(assembly).Where(t => t.IsDefined(typeof(FacialDataPurposeAttribute), inherit: false)));
    }

    /// <summary>Reads the given processor declaration and purpose types (each marked <see cref="FacialDataPurposeAttribute"/>).</summary>
    /// <exception cref="ArgumentException">No purpose type is given, or a type is not a declared purpose.</exception>
    public static FilingExport FromDeclarations(FacialDataProcessorAttribute processor, IEnumerable<Type> purposeTypes)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(purposeTypes);
        var purposes = purposeTypes.Select(Purpose).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (purposes.Count == 0)
        {
            throw new ArgumentException("A filing lists at least one purpose ([FacialDataPurpose]).", nameof(purposeTypes));
        }

        var name = Text(processor.Name);
        var complaint = Text(processor.ComplaintChannel);
        var facts = new FilingProcessor(
            name, Fallback(Text(processor.NameEn), name), Text(processor.Contact), complaint, Fallback(Text(processor.ComplaintChannelEn), complaint),
            (int)processor.SecurityMeasures, Text(processor.ImpactAssessmentReference));
        return new FilingExport(new FilingFacts(facts, purposes));
    }

    /// <summary>
    /// filing.json with <paramref name="peopleStored"/> and <paramref name="date"/>; with <paramref name="thresholdReachedOn"/>
    /// and a <paramref name="calendar"/> also the deadline, 30 working days after that day (Art. 15).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="peopleStored"/> is negative.</exception>
    public string Filing(int peopleStored, DateOnly date, DateOnly? thresholdReachedOn = null, WorkingDayCalendar? calendar = null) =>
        Filing(peopleStored, date, thresholdReachedOn,
            thresholdReachedOn is { } start && calendar is not null ? calendar.AddWorkingDays(start, DeadlineWorkingDays) : null);

    /// <summary>
    /// filing.json for the filing a store's <see cref="FilingThresholdTracker"/> asked for: its count, the day the
    /// threshold was reached and the deadline it computed with its calendar.
    /// </summary>
    public string Filing(FilingThresholdEventArgs reached, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(reached);
        return Filing(reached.Count, date, reached.ReachedOn, reached.FilingDeadline);
    }

    private string Filing(int peopleStored, DateOnly date, DateOnly? thresholdReachedOn, DateOnly? deadline)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleStored);
        return Write(new FilingOccasion(
            FilingKind.Initial, Tool, peopleStored, Day(date), thresholdReachedOn is { } reached ? Day(reached) : null,
            deadline is { } last ? Day(last) : null));
    }

    /// <summary>
    /// A change filing (变更备案): the form as it is now, with the items that differ from <paramref name="lastFilingJson"/>
    /// (the last filing.json submitted, as the generator or this class wrote it) under 变更事项; with
    /// <paramref name="changedOn"/> and a <paramref name="calendar"/> also the deadline, 30 working days after the change.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="lastFilingJson"/> is not a filing form.</exception>
    public string ChangeFiling(string lastFilingJson, int peopleStored, DateOnly date, DateOnly? changedOn = null, WorkingDayCalendar? calendar = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleStored);
        var occasion = new FilingOccasion(
            FilingKind.Change, Tool, peopleStored, Day(date), changedOn is { } changed ? Day(changed) : null,
            changedOn is { } start && calendar is not null ? Day(calendar.AddWorkingDays(start, DeadlineWorkingDays)) : null);
        var differences = Differences(lastFilingJson, Write(occasion));
        return Write(occasion with { Changes = differences.Select(d => new FilingChange(d.Item, d.Before, d.After)).ToList() });
    }

    /// <summary>
    /// The cancellation filing (注销备案) when face recognition stops: the purposes, the number of people stored before
    /// the deletion and after it (0 when everything was deleted), the day processing stopped and, with a
    /// <paramref name="calendar"/>, the deadline 30 working days after it.
    /// </summary>
    public string Cancellation(int peopleStoredBeforeDeletion, DateOnly stoppedOn, DateOnly date, int peopleStoredAfterDeletion = 0, WorkingDayCalendar? calendar = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleStoredBeforeDeletion);
        ArgumentOutOfRangeException.ThrowIfNegative(peopleStoredAfterDeletion);
        return Write(new FilingOccasion(
            FilingKind.Cancellation, Tool, peopleStoredBeforeDeletion, Day(date),
            Deadline: calendar is not null ? Day(calendar.AddWorkingDays(stoppedOn, DeadlineWorkingDays)) : null,
            StoppedOn: Day(stoppedOn), PeopleStoredAfterDeletion: peopleStoredAfterDeletion));
    }

    /// <summary>
    /// The cancellation filing of a decommissioned store (<see cref="IFacialDataLifecycle.Decommission"/>): the
    /// number of people stored before, the day it stopped and the deadline the store's calendar computed, nobody left
    /// stored.
    /// </summary>
    public string Cancellation(FacialDataDecommission decommission, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(decommission);
        return Write(new FilingOccasion(
            FilingKind.Cancellation, Tool, decommission.PeopleStoredBefore, Day(date),
            Deadline: Day(decommission.CancellationDeadline.Date),
            StoppedOn: Day(decommission.DecommissionedOn), PeopleStoredAfterDeletion: 0));
    }

    /// <summary>
    /// The fields of the form (by their Chinese labels; the English twins say the same) whose values differ between two
    /// filing.json documents, purposes and recipients matched by id; the kind, dates, deadline, tool and lists of
    /// gaps are not compared.
    /// </summary>
    /// <exception cref="ArgumentException">Either document is not a JSON object.</exception>
    public static IReadOnlyList<FilingDifference> Differences(string lastFilingJson, string currentFilingJson)
    {
        var before = Flatten(Parse(lastFilingJson, nameof(lastFilingJson)));
        var after = Flatten(Parse(currentFilingJson, nameof(currentFilingJson)));
        return before.Keys.Union(after.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal)
            .Select(key => new FilingDifference(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .Where(d => !string.Equals(d.Before, d.After, StringComparison.Ordinal))
            .ToList();
    }

    private string Write(FilingOccasion occasion) => FilingWriter.Write(_facts, occasion, JurisdictionProfiles.China.FilingThreshold);

    private static JsonObject Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json, name);
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("A filing form is a JSON object.", name);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException("The filing form is not valid JSON: " + e.Message, name, e);
        }
    }

    private static Dictionary<string, string?> Flatten(JsonObject root)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            if (IsChinese(key) && !NotCompared.Contains(key))
            {
                Flatten(value, key, values);
            }
        }

        return values;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (IsChinese(key))
                    {
                        Flatten(value, path + "." + key, values);
                    }
                }

                break;
            case JsonArray array when array.All(item => item is JsonObject o && o["标识"] is JsonValue):
                foreach (var item in array)
                {
                    Flatten(item, path + "[" + item!["标识"]!.GetValue<string>() + "]", values);
                }

                break;
            case JsonArray array:
                values[path] = string.Join("、", array.Select(item => Scalar(item)));
                break;
            default:
                values[path] = Scalar(node);
                break;
        }
    }

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => node.ToJsonString(),
    };

    private static bool IsChinese(string key) => key.Any(c => c >= '\u4e00' && c <= '\u9fff');

    private static FilingPurpose Purpose(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var d = type.GetCustomAttribute<FacialDataPurposeAttribute>()
            ?? throw new ArgumentException($"Type '{type.FullName}' is not a [FacialDataPurpose].", nameof(type));
        var recipients = type.GetCustomAttributes<FacialDataRecipientAttribute>()
            .Select(r => new Notice.RecipientDeclaration(Text(r.Id), Text(r.NameZh), Text(r.NameEn), Text(r.Contact), Text(r.PurposeZh), Text(r.PurposeEn), (int)r.Method, (int)r.DataCategories))
            .ToList();
        var version = type.GetField("NoticeVersion", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? "";
        return new FilingPurpose(
            type.FullName ?? type.Name, Text(d.DescriptionZh), Text(d.DescriptionEn), (int)d.Method, Text(d.NecessityZh), Text(d.NecessityEn),
            Text(d.ImpactZh), Text(d.ImpactEn), Text(d.AlternativeZh), Text(d.AlternativeEn), (int)d.Storage,
            Text(d.TransferRecipientZh), Text(d.TransferRecipientEn), d.RetentionDays, d.RetainsImages, d.MayInvolveMinors,
            (int)d.DataCategories, (int)d.Site, Text(d.CollectionAreaZh), Text(d.CollectionAreaEn), (int)d.Kind,
            Text(d.PublicPlaceLawZh), Text(d.PublicPlaceLawEn), (int)d.Attributes, (int)d.LegalBasis, Text(d.LegalBasisLawZh),
            Text(d.LegalBasisLawEn), recipients, version, (int)d.TransferAbroad, Text(d.TransferAbroadRecipientZh),
            Text(d.TransferAbroadRecipientEn), Text(d.TransferAbroadCountryZh), Text(d.TransferAbroadCountryEn));
    }

    // A type that cannot be loaded (a missing dependency) cannot be a purpose the running code uses.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    private static string Text(string? value) => value?.Trim() ?? "";

    private static string Fallback(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
