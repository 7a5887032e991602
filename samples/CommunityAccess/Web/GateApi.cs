using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityAccess.Gate;
using CommunityAccess.Residents;
using FaceCompliance;
using FaceCompliance.Sqlite;
using FaceCompliance.Vision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommunityAccess.Web;

/// <summary>The JSON API behind the resident page (index.html) and the operator page (operator.html).</summary>
internal static class GateApi
{
    /// <summary>The rate limiter policy of the card or PIN endpoint (<see cref="GateSettings.CardAttemptLimit"/>).</summary>
    public const string CardRateLimit = "card-or-pin";

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The app.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api");

        // The generated notice, exactly as the generator wrote it (Measures Art. 5); the page shows its accessible HTML
        // rendering and the plain-language short notice (Art. 5 §3) as they are.
        api.MapGet("/notice/{language}", (string language) => language is FacialNotice.ChineseLanguage or FacialNotice.EnglishLanguage
            ? Results.Json(new NoticeResponse(language, CommunityEntry.PurposeId, CommunityEntry.NoticeVersion,
                CommunityEntry.Notice.In(language).Text, CommunityEntry.Notice.In(language).Markdown,
                CommunityEntry.NoticeHtml.In(language), CommunityEntry.ShortNotice.In(language)))
            : Error(StatusCodes.Status404NotFound, "unknown-language", $"The notice exists in '{FacialNotice.ChineseLanguage}' and '{FacialNotice.EnglishLanguage}', not in '{language}'."));

        api.MapGet("/purpose", () => new
        {
            CommunityEntry.PurposeId,
            CommunityEntry.NoticeVersion,
            RetentionDays = CommunityEntry.RetentionPeriod.TotalDays,
            Threshold = FaceMatchThreshold.Default,
            GateController.CrowdedThreshold,
        });

        api.MapPost("/residents", (RegisterRequest request, ResidentDirectory residents) =>
        {
            string id = Required(request.ResidentId, "residentId");
            residents.Register(id, Required(request.CardOrPin, "cardOrPin"));
            return new { residentId = id, message = $"Resident {id} registered with an access card or PIN. It opens the gate with or without face entry." };
        });

        api.MapGet("/residents/{residentId}", (string residentId, ResidentDirectory residents, SqliteFacialDataStore store) =>
            residents.Find(residentId) is { } record
                ? Results.Json(Status(record, residents, store))
                : Error(StatusCodes.Status404NotFound, "not-registered", $"Resident '{residentId}' is not registered."));

        api.MapPost("/consent", (ConsentRequest request, ResidentDirectory residents) =>
        {
            string id = Required(request.ResidentId, "residentId");
            if (request.NoticeVersion != CommunityEntry.NoticeVersion)
            {
                return Error(StatusCodes.Status409Conflict, "old-notice",
                    $"The notice now reads version {CommunityEntry.NoticeVersion}, not '{request.NoticeVersion}': read it again before consenting (Measures Art. 5 §2).");
            }

            if (!request.Consented)
            {
                return Error(StatusCodes.Status400BadRequest, "no-consent",
                    "Consent is never assumed: tick the separate consent box after reading the notice. Face entry is optional; the card or PIN always works.");
            }

            if (request.Under14 is not { } under14)
            {
                // A resident whose age is not known is not treated as an adult (Measures Art. 7; PIPL Art. 31): every
                // receipt records a stated age band, which the directory's guardian-aware consent checks rely on.
                return Error(StatusCodes.Status400BadRequest, "age-unknown",
                    "Say whether the resident is under 14 (under14: true or false): a resident under 14 needs the consent of a parent or guardian, and an unstated age is not taken as an adult's (Measures Art. 7; PIPL Art. 31).");
            }

            string? guardian = null;
            if (under14)
            {
                string name = Required(request.GuardianName, "guardianName");
                string relationship = Required(request.GuardianRelationship, "guardianRelationship");
                if (!request.GuardianConfirmed)
                {
                    return Error(StatusCodes.Status400BadRequest, "no-guardian",
                        "A resident under 14 needs the consent of a parent or guardian (Measures Art. 7; PIPL Art. 31): the guardian must confirm that they are the guardian and consent.");
                }

                guardian = $"{name.Trim()} ({relationship.Trim()})";
            }

            ConsentReceipt<CommunityEntry> receipt = residents.Consent<CommunityEntry>(id, guardian);
            return Results.Json(new ReceiptResponse(receipt.Id, receipt.Subject, receipt.PurposeId, receipt.NoticeVersion, receipt.GivenAt,
                receipt.ExpiresAt, receipt.Form.ToString(), receipt.SubjectIsUnder14, receipt.GuardianId));
        });

        api.MapPost("/enrol", async (HttpRequest http, [FromQuery] string? residentId, [FromQuery] int? width, [FromQuery] int? height,
            GateController gate, ResidentDirectory residents, SqliteFacialDataStore store, CancellationToken cancellation) =>
        {
            string id = Required(residentId, "residentId");
            if (!residents.HasConsent<CommunityEntry>(id))
            {
                // Refused before a pixel is read; EnsureConsent says why (never consented, withdrawn, expired...).
                residents.EnsureConsent<CommunityEntry>(id);
            }

            Enrolment enrolment;
            using (FaceImage photo = await PixelUpload.ReadAsync(http, width, height, cancellation))
            {
                enrolment = gate.Enrol(id, photo);
            }

            string templateId = enrolment.TemplateId;
            return new
            {
                residentId = id,
                templateId,
                enrolment.EnrolledAt,
                expiresAt = CommunityEntry.ExpiresAt(enrolment.EnrolledAt),
                peopleStored = store.Templates.PeopleStored,
                message = $"Enrolled {id}: one face template ({templateId}) stored, encrypted. The photo's pixels were erased as soon as the template was extracted; no image is kept.",
            };
        });

        api.MapPost("/gate/face", async (HttpRequest http, [FromQuery] string? residentId, [FromQuery] int? width, [FromQuery] int? height,
            GateController gate, ResidentDirectory residents, GateLog log, CancellationToken cancellation) =>
        {
            string id = Required(residentId, "residentId");
            if (!residents.HasConsent<CommunityEntry>(id))
            {
                // No valid consent: the face is not even read; the card or PIN is asked for.
                return log.Add(gate.EnterWithCard(id, cardOrPin: null));
            }

            using FaceImage frame = await PixelUpload.ReadAsync(http, width, height, cancellation);
            return log.Add(gate.EnterByFace(id, frame));
        });

        api.MapPost("/gate/card", (CardRequest request, GateController gate, ResidentDirectory residents, CardLockout lockout, SqliteFacialDataStore store, GateLog log) =>
        {
            string id = Required(request.ResidentId, "residentId");
            string cardOrPin = Required(request.CardOrPin, "cardOrPin");
            if (!residents.IsRegistered(id))
            {
                // Not counted per id (anyone can type any id), but audited; the rate limit bounds these too.
                store.Audit.RecordApplicationEvent(null, AuditOutcome.Refused, "card/PIN refused: no resident is registered under the id given");
                return Results.Json(log.Add(gate.EnterWithCard(id, cardOrPin)));
            }

            CardAttempt attempt = lockout.Attempt(id, () => gate.EnterWithCard(id, cardOrPin));
            if (attempt.LockedUntil is { } until)
            {
                log.Add(GateDecision.Refused(id, GateChannel.CardOrPin, "card or PIN locked after too many wrong entries"));
                return Error(StatusCodes.Status423Locked, "card-locked", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The card or PIN of resident '{id}' is locked after too many wrong entries, until {until:yyyy-MM-dd HH:mm:ss} UTC. Face entry still works for a resident who uses it; the management office can help."));
            }

            return Results.Json(log.Add(attempt.Decision!));
        }).RequireRateLimiting(CardRateLimit);

        api.MapPost("/withdraw", (WithdrawRequest request, GateController gate, ResidentDirectory residents, SqliteFacialDataStore store) =>
        {
            string id = Required(request.ResidentId, "residentId");
            int deleted = gate.WithdrawFaceEntry(id);
            return new
            {
                residentId = id,
                templatesDeleted = deleted,
                message = $"Consent withdrawn for {id}, effective now. {deleted} face template(s) deleted with the resident's data key. The card or PIN keeps working.",
                status = residents.Find(id) is { } record ? Status(record, residents, store) : null,
            };
        });

        api.MapGet("/operator", (SqliteFacialDataStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge, GateLog log, TimeProvider clock) =>
            Operator(store, options, residents, purge, log, clock));

        api.MapPost("/operator/purge", (SqliteFacialDataStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge, GateLog log, TimeProvider clock) =>
        {
            int deleted = purge.RunNow();
            return new { deleted, report = Operator(store, options, residents, purge, log, clock) };
        });
    }

    /// <summary>A JSON error: <c>{ "error": message, "kind": kind }</c>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="kind">A short machine-readable kind.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <returns>The result.</returns>
    public static IResult Error(int status, string kind, string message) => Results.Json(new ErrorResponse(message, kind), statusCode: status);

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' is required.", name) : value.Trim();

    private static ResidentStatus Status(ResidentRecord record, ResidentDirectory residents, SqliteFacialDataStore store)
    {
        ConsentReceipt<CommunityEntry>? receipt = residents.FindReceipt<CommunityEntry>(record.ResidentId);
        ConsentRejection? rejection = receipt is null ? null : store.Consents.Check(receipt);
        string state = receipt is null ? "none" : rejection?.ToString() ?? "Valid";
        var templates = record.Enrolments
            .Select(e => new TemplateEntry(e.TemplateId, e.ResidentId, e.EnrolledAt, CommunityEntry.ExpiresAt(e.EnrolledAt)))
            .ToList();
        var audit = AllAudit(store)
            .Where(r => r.SubjectId == record.ResidentId)
            .Reverse()
            .Take(30)
            .Select(AuditEntry.From)
            .ToList();
        return new ResidentStatus(record.ResidentId, record.RegisteredAt, state, receipt?.Id, receipt?.NoticeVersion, receipt?.GivenAt,
            receipt?.ExpiresAt, receipt?.GuardianId, templates.Count > 0, templates, store.Templates.PeopleStored, audit);
    }

    private static OperatorReport Operator(SqliteFacialDataStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge, GateLog log, TimeProvider clock)
    {
        DateTimeOffset now = clock.GetUtcNow();
        AuditVerification verification = store.Audit.Verify();
        IReadOnlyList<AuditRecord> records = AllAudit(store);
        int people = store.Templates.PeopleStored;
        var purposes = FacialPurposeRegistry.All
            .Select(p => new PurposeEntry(p.Id, p.Method.ToString(), p.RetentionPeriod.TotalDays, p.Storage.ToString(), p.Notice.Version))
            .ToList();
        var schedule = residents.Enrolments()
            .Select(e => new TemplateEntry(e.TemplateId, e.ResidentId, e.EnrolledAt, CommunityEntry.ExpiresAt(e.EnrolledAt)))
            .OrderBy(e => e.ExpiresAt)
            .ToList();
        var filingEvents = records.Where(r => r.Action == AuditAction.FilingThresholdReached).Select(AuditEntry.From).ToList();
        return new OperatorReport(
            now,
            new AuditSummary(verification.IsValid, verification.RecordsChecked, verification.FirstInvalidSequence, verification.Problem, records.Count,
                records.Reverse().Take(300).Select(AuditEntry.From).ToList()),
            new RetentionSummary(purposes, schedule,
                new PurgeSummary(purge.Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture), purge.LastRunAt, purge.LastDeleted,
                    purge.TotalDeleted, purge.Runs, purge.NextRunAt, purge.LastError, schedule.Count(e => e.ExpiresAt <= now))),
            new FilingSummary(people, options.Filing.WarningLevel, options.Filing.FilingLevel, options.Filing.FilingLevel - people,
                people * 100.0 / options.Filing.FilingLevel, filingEvents),
            residents.CountResidents(),
            log.Recent());
    }

    private static List<AuditRecord> AllAudit(SqliteFacialDataStore store)
    {
        var all = new List<AuditRecord>();
        long after = 0;
        while (true)
        {
            IReadOnlyList<AuditRecord> batch = store.Audit.Read(after, 1000);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
            after = batch[^1].Sequence;
        }
    }
}

internal sealed record ErrorResponse(string Error, string Kind);

internal sealed record NoticeResponse(string Language, string PurposeId, string Version, string Text, string Markdown, string Html, string Short);

internal sealed record RegisterRequest(string? ResidentId, string? CardOrPin);

internal sealed record ConsentRequest(string? ResidentId, string? NoticeVersion, bool Consented, bool? Under14, string? GuardianName,
    string? GuardianRelationship, bool GuardianConfirmed);

internal sealed record CardRequest(string? ResidentId, string? CardOrPin);

internal sealed record WithdrawRequest(string? ResidentId);

internal sealed record ReceiptResponse(string ReceiptId, string ResidentId, string PurposeId, string NoticeVersion, DateTimeOffset GivenAt,
    DateTimeOffset ExpiresAt, string Form, bool Under14, string? Guardian);

internal sealed record TemplateEntry(string TemplateId, string ResidentId, DateTimeOffset EnrolledAt, DateTimeOffset ExpiresAt);

internal sealed record ResidentStatus(string ResidentId, DateTimeOffset RegisteredAt, string Consent, string? ReceiptId, string? NoticeVersion,
    DateTimeOffset? ConsentGivenAt, DateTimeOffset? ConsentExpiresAt, string? Guardian, bool FaceDataStored, IReadOnlyList<TemplateEntry> Templates,
    int PeopleStored, IReadOnlyList<AuditEntry> Audit);

internal sealed record AuditEntry(long Sequence, DateTimeOffset Time, string Actor, string Action, string? SubjectId, string? PurposeId,
    string? ReceiptId, string Outcome, string? Detail, string Hash)
{
    public static AuditEntry From(AuditRecord r) => new(r.Sequence, r.Time, r.Actor, r.Action.ToString(), r.SubjectId, r.PurposeId, r.ReceiptId,
        r.Outcome.ToString(), r.Detail, Convert.ToHexStringLower(r.Hash)[..12]);
}

internal sealed record AuditSummary(bool ChainValid, long RecordsChecked, long? FirstInvalidSequence, string? Problem, int Total,
    IReadOnlyList<AuditEntry> Records);

internal sealed record PurposeEntry(string Id, string Method, double RetentionDays, string Storage, string NoticeVersion);

internal sealed record PurgeSummary(string Interval, DateTimeOffset? LastRunAt, int LastDeleted, int TotalDeleted, int Runs, DateTimeOffset? NextRunAt,
    string? LastError, int OverdueNow);

internal sealed record RetentionSummary(IReadOnlyList<PurposeEntry> Purposes, IReadOnlyList<TemplateEntry> Schedule, PurgeSummary Purge);

internal sealed record FilingSummary(int PeopleStored, int WarningLevel, int FilingLevel, int DistanceToFiling, double PercentOfFilingLevel,
    IReadOnlyList<AuditEntry> Events);

internal sealed record OperatorReport(DateTimeOffset Now, AuditSummary Audit, RetentionSummary Retention, FilingSummary Filing, int Residents,
    IReadOnlyList<GateLogEntry> Gate);
