using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using CommunityAccess.Gate;
using CommunityAccess.Residents;
using FaceCompliance;
using FaceCompliance.Vision;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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

    /// <summary>The rate limiter policy of the sign-in endpoint (<see cref="GateSettings.SignInAttemptLimit"/>).</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>The concurrency limiter policy of the pixel endpoints (<see cref="GateSettings.LargeFrameConcurrency"/>).</summary>
    public const string FrameLimit = "frames";

    /// <summary>The audit records one page of a resident's status shows.</summary>
    public const int StatusAuditPage = 50;

    /// <summary>The audit records one page of the operator report shows.</summary>
    public const int OperatorAuditPage = 100;

    /// <summary>The templates the operator's retention schedule shows, soonest to expire first.</summary>
    public const int ScheduleSize = 200;

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
            : Error(StatusCodes.Status404NotFound, "unknown-language", $"The notice exists in '{FacialNotice.ChineseLanguage}' and '{FacialNotice.EnglishLanguage}' only."));

        // The GDPR Art. 13 notice, generated because the app operates in the EU too (OperatesInEu.cs); English only.
        api.MapGet("/notice-gdpr", () => Results.Json(new GdprNoticeResponse(CommunityEntry.PurposeId, CommunityEntry.GdprNotice)));

        api.MapGet("/purpose", () => new
        {
            CommunityEntry.PurposeId,
            CommunityEntry.NoticeVersion,
            RetentionDays = CommunityEntry.RetentionPeriod.TotalDays,
            Threshold = FaceMatchThreshold.Default,
            GateController.CrowdedThreshold,
        });

        // ---- sign-in ----

        // The token for the X-CSRF-TOKEN header; it is bound to the signed-in user, so fetch it again after signing in.
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            new { token = antiforgery.GetAndStoreTokens(http).RequestToken, headerName = SignIn.AntiforgeryHeader });

        api.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? new { name = user.Identity.Name, role = (string?)(user.IsInRole(SignIn.OperatorRole) ? SignIn.OperatorRole : SignIn.ResidentRole) }
            : new { name = (string?)null, role = (string?)null });

        api.MapPost("/signin", async (SignInRequest request, HttpContext http, ResidentDirectory residents) =>
        {
            string password = request.Password ?? string.Empty;
            string name;
            bool matches;
            if (request.AsOperator)
            {
                name = SignIn.OperatorName;
                matches = string.Equals(request.Name?.Trim(), SignIn.OperatorName, StringComparison.Ordinal) && residents.OperatorPasswordMatches(name, password);
            }
            else
            {
                name = ResidentId.Normalize(request.Name);
                matches = residents.PasswordMatches(name, password);
            }

            if (!matches)
            {
                return Error(StatusCodes.Status401Unauthorized, "bad-credentials", "The name or the password is not right.");
            }

            string role = request.AsOperator ? SignIn.OperatorRole : SignIn.ResidentRole;
            await SignIn.SignInAsync(http, name, role);
            return Results.Json(new { name, role });
        }).WithBodyLimit(BodyLimits.Json).RequireAntiforgeryToken().RequireRateLimiting(SignInRateLimit);

        api.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Json(new { signedOut = true });
        }).WithBodyLimit(BodyLimits.Json).RequireAntiforgeryToken();

        // ---- residents ----

        // Only the operator registers residents, with their card or PIN and their initial sign-in password.
        api.MapPost("/residents", (RegisterRequest request, ResidentDirectory residents) =>
        {
            string id = ResidentId.Normalize(request.ResidentId);
            residents.Register(id, Required(request.CardOrPin, "cardOrPin"), request.Password ?? throw new ArgumentException("'password' is required.", "password"));
            return new { residentId = id, message = $"Resident {id} registered with an access card or PIN and a sign-in password. The card or PIN opens the gate with or without face entry." };
        }).WithBodyLimit(BodyLimits.Json).RequireAuthorization(SignIn.OperatorRole).RequireAntiforgeryToken();

        api.MapGet("/residents/{residentId}", (string residentId, long? auditAfter, ClaimsPrincipal user, ResidentDirectory residents, ResidentConsents consents,
            GateStore store) =>
        {
            string id = ResidentId.Normalize(residentId);
            SignIn.EnsureSelf(user, id, operatorMayRead: true);
            return residents.RegisteredAt(id) is { } registered
                ? Results.Json(Status(id, registered, consents, store, auditAfter ?? 0))
                : Error(StatusCodes.Status404NotFound, "not-registered", "No resident is registered under this id.");
        }).RequireAuthorization();

        api.MapPost("/consent", (ConsentRequest request, ClaimsPrincipal user, ResidentConsents consents) =>
        {
            string id = ResidentId.Normalize(request.ResidentId);
            SignIn.EnsureSelf(user, id);
            if (request.NoticeVersion != CommunityEntry.NoticeVersion)
            {
                return Error(StatusCodes.Status409Conflict, "old-notice",
                    $"The notice now reads version {CommunityEntry.NoticeVersion}, not the one read: read it again before consenting (Measures Art. 5 §2).");
            }

            if (!request.Consented)
            {
                return Error(StatusCodes.Status400BadRequest, "no-consent",
                    "Consent is never assumed: tick the separate consent box after reading the notice. Face entry is optional; the card or PIN always works.");
            }

            if (request.Under14 is not { } under14)
            {
                // A resident whose age is not known is not treated as an adult (Measures Art. 7; PIPL Art. 31): every
                // receipt records a stated age band, which the guardian-aware consent checks rely on.
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

                guardian = $"{name} ({relationship})";
            }

            ConsentReceipt<CommunityEntry> receipt = consents.Consent<CommunityEntry>(id, guardian);
            return Results.Json(new ReceiptResponse(receipt.Id, receipt.Subject, receipt.PurposeId, receipt.NoticeVersion, receipt.GivenAt,
                receipt.ExpiresAt, receipt.Form.ToString(), receipt.SubjectIsUnder14, receipt.GuardianId));
        }).WithBodyLimit(BodyLimits.Json).RequireAuthorization(SignIn.ResidentRole).RequireAntiforgeryToken();

        api.MapPost("/enrol", async (HttpRequest http, [FromQuery] string? residentId, [FromQuery] int? width, [FromQuery] int? height, ClaimsPrincipal user,
            GateController gate, ResidentConsents consents, GateStore store, CancellationToken cancellation) =>
        {
            string id = ResidentId.Normalize(residentId);
            SignIn.EnsureSelf(user, id);
            if (!consents.HasConsent<CommunityEntry>(id))
            {
                // Refused before a pixel is read; EnsureConsent says why (never consented, withdrawn, expired...).
                consents.EnsureConsent<CommunityEntry>(id);
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
        }).WithBodyLimit(BodyLimits.Frame).RequireAuthorization(SignIn.ResidentRole).RequireAntiforgeryToken().RequireRateLimiting(FrameLimit);

        // ---- the gate kiosk: no sign-in (it is a gate), no personal data in its answers ----

        api.MapPost("/gate/face", async (HttpRequest http, [FromQuery] string? residentId, [FromQuery] int? width, [FromQuery] int? height,
            GateController gate, ResidentConsents consents, GateLog log, CancellationToken cancellation) =>
        {
            string id = ResidentId.Normalize(residentId);
            if (!consents.HasConsent<CommunityEntry>(id))
            {
                // No valid consent: the face is not even read; the card or PIN is asked for.
                return log.Add(gate.EnterWithCard(id, cardOrPin: null));
            }

            using FaceImage frame = await PixelUpload.ReadAsync(http, width, height, cancellation);
            return log.Add(gate.EnterByFace(id, frame));
        }).WithBodyLimit(BodyLimits.Frame).RequireRateLimiting(FrameLimit);

        api.MapPost("/gate/card", (CardRequest request, GateController gate, ResidentDirectory residents, CardLockout lockout, GateStore store, GateLog log) =>
        {
            string id = ResidentId.Normalize(request.ResidentId);
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
        }).WithBodyLimit(BodyLimits.Json).RequireRateLimiting(CardRateLimit);

        api.MapPost("/withdraw", (WithdrawRequest request, ClaimsPrincipal user, GateController gate, ResidentDirectory residents, ResidentConsents consents,
            GateStore store) =>
        {
            string id = ResidentId.Normalize(request.ResidentId);
            SignIn.EnsureSelf(user, id);
            int deleted = gate.WithdrawFaceEntry(id);
            return new
            {
                residentId = id,
                templatesDeleted = deleted,
                message = $"Consent withdrawn for {id}, effective now. {deleted} face template(s) deleted with the resident's data key. The card or PIN keeps working.",
                status = residents.RegisteredAt(id) is { } registered ? Status(id, registered, consents, store, 0) : null,
            };
        }).WithBodyLimit(BodyLimits.Json).RequireAuthorization(SignIn.ResidentRole).RequireAntiforgeryToken();

        // ---- the operator ----

        api.MapGet("/operator", (long? auditAfter, GateStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge,
            GateLog log, TimeProvider clock) => Operator(store, options, residents, purge, log, clock, auditAfter ?? 0))
            .RequireAuthorization(SignIn.OperatorRole);

        api.MapPost("/operator/purge", (GateStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge, GateLog log,
            TimeProvider clock) =>
        {
            int deleted = purge.RunNow();
            return new { deleted, report = Operator(store, options, residents, purge, log, clock, 0) };
        }).WithBodyLimit(BodyLimits.Json).RequireAuthorization(SignIn.OperatorRole).RequireAntiforgeryToken();

        // Unknown API paths answer in the error contract too.
        api.Map("/{**rest}", () => Error(StatusCodes.Status404NotFound, "not-found", "There is no such API endpoint; see the sample's README."));
    }

    /// <summary>A JSON error: <c>{ "error": message, "kind": kind }</c>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="kind">A short machine-readable kind.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <returns>The result.</returns>
    public static IResult Error(int status, string kind, string message) => Results.Json(new ErrorResponse(message, kind), statusCode: status);

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' is required.", name) : value.Trim();

    private static ResidentStatus Status(string residentId, DateTimeOffset registeredAt, ResidentConsents consents, GateStore store, long auditAfter)
    {
        ConsentReceipt<CommunityEntry>? receipt = consents.FindReceipt<CommunityEntry>(residentId);
        ConsentRejection? rejection = receipt is null ? null : store.Consents.Check(receipt);
        string state = receipt is null ? "none" : rejection?.ToString() ?? "Valid";
        var templates = consents.Templates<CommunityEntry>(residentId)
            .Select(t => new TemplateEntry(t.TemplateId, t.SubjectId, t.CollectedAt, t.ExpiresAt))
            .ToList();
        IReadOnlyList<AuditRecord> audit = store.Audit.Query(new AuditQuery { SubjectId = residentId, AfterSequence = auditAfter, Limit = StatusAuditPage });
        return new ResidentStatus(residentId, registeredAt, state, receipt?.Id, receipt?.NoticeVersion, receipt?.GivenAt,
            receipt?.ExpiresAt, receipt?.GuardianId, templates.Count > 0, templates, store.Templates.PeopleStored,
            audit.Select(AuditEntry.From).ToList(), audit.Count == StatusAuditPage ? audit[^1].Sequence : null);
    }

    private static OperatorReport Operator(GateStore store, FacialDataStoreOptions options, ResidentDirectory residents, RetentionPurge purge,
        GateLog log, TimeProvider clock, long auditAfter)
    {
        DateTimeOffset now = clock.GetUtcNow();
        // Verifying the chain reads every record by its nature: it runs for the operator only, who is one person.
        AuditVerification verification = store.Audit.Verify();
        IReadOnlyList<AuditRecord> records = store.Audit.Query(new AuditQuery { AfterSequence = auditAfter, Limit = OperatorAuditPage });
        int people = store.Templates.PeopleStored;
        var purposes = FacialPurposeRegistry.All
            .Select(p => new PurposeEntry(p.Id, p.Method.ToString(), p.RetentionPeriod.TotalDays, p.Storage.ToString(), p.Notice.Version))
            .ToList();
        var schedule = store.Templates.ListTemplates(null, ScheduleSize)
            .Select(t => new TemplateEntry(t.TemplateId, t.SubjectId, t.CollectedAt, t.ExpiresAt))
            .ToList();
        var filingEvents = store.Audit.Query(new AuditQuery { Action = AuditAction.FilingThresholdReached, Limit = 20 }).Select(AuditEntry.From).ToList();
        return new OperatorReport(
            now,
            new AuditSummary(verification.IsValid, verification.RecordsChecked, verification.FirstInvalidSequence, verification.Problem,
                records.Select(AuditEntry.From).ToList(), records.Count == OperatorAuditPage ? records[^1].Sequence : null),
            new RetentionSummary(purposes, schedule,
                new PurgeSummary(purge.Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture), purge.LastRunAt, purge.LastDeleted,
                    purge.TotalDeleted, purge.Runs, purge.NextRunAt, purge.LastError, schedule.Count(e => e.ExpiresAt <= now))),
            new FilingSummary(people, options.Filing.WarningLevel, options.Filing.FilingLevel, options.Filing.FilingLevel - people,
                people * 100.0 / options.Filing.FilingLevel, filingEvents),
            residents.CountResidents(),
            log.Recent());
    }
}

internal sealed record ErrorResponse(string Error, string Kind);

internal sealed record GdprNoticeResponse(string PurposeId, string Text);

internal sealed record NoticeResponse(string Language, string PurposeId, string Version, string Text, string Markdown, string Html, string Short);

internal sealed record RegisterRequest(string? ResidentId, string? CardOrPin, string? Password);

internal sealed record ConsentRequest(string? ResidentId, string? NoticeVersion, bool Consented, bool? Under14, string? GuardianName,
    string? GuardianRelationship, bool GuardianConfirmed);

internal sealed record CardRequest(string? ResidentId, string? CardOrPin);

internal sealed record WithdrawRequest(string? ResidentId);

internal sealed record ReceiptResponse(string ReceiptId, string ResidentId, string PurposeId, string NoticeVersion, DateTimeOffset GivenAt,
    DateTimeOffset ExpiresAt, string Form, bool Under14, string? Guardian);

internal sealed record TemplateEntry(string TemplateId, string ResidentId, DateTimeOffset EnrolledAt, DateTimeOffset ExpiresAt);

internal sealed record ResidentStatus(string ResidentId, DateTimeOffset RegisteredAt, string Consent, string? ReceiptId, string? NoticeVersion,
    DateTimeOffset? ConsentGivenAt, DateTimeOffset? ConsentExpiresAt, string? Guardian, bool FaceDataStored, IReadOnlyList<TemplateEntry> Templates,
    int PeopleStored, IReadOnlyList<AuditEntry> Audit, long? AuditNext);

internal sealed record AuditEntry(long Sequence, DateTimeOffset Time, string Actor, string Action, string? SubjectId, string? PurposeId,
    string? ReceiptId, string Outcome, string? Detail, string Hash)
{
    public static AuditEntry From(AuditRecord r) => new(r.Sequence, r.Time, r.Actor, r.Action.ToString(), r.SubjectId, r.PurposeId, r.ReceiptId,
        r.Outcome.ToString(), r.Detail, Convert.ToHexStringLower(r.Hash)[..12]);
}

internal sealed record AuditSummary(bool ChainValid, long RecordsChecked, long? FirstInvalidSequence, string? Problem,
    IReadOnlyList<AuditEntry> Records, long? Next);

internal sealed record PurposeEntry(string Id, string Method, double RetentionDays, string Storage, string NoticeVersion);

internal sealed record PurgeSummary(string Interval, DateTimeOffset? LastRunAt, int LastDeleted, int TotalDeleted, int Runs, DateTimeOffset? NextRunAt,
    string? LastError, int OverdueNow);

internal sealed record RetentionSummary(IReadOnlyList<PurposeEntry> Purposes, IReadOnlyList<TemplateEntry> Schedule, PurgeSummary Purge);

internal sealed record FilingSummary(int PeopleStored, int WarningLevel, int FilingLevel, int DistanceToFiling, double PercentOfFilingLevel,
    IReadOnlyList<AuditEntry> Events);

internal sealed record OperatorReport(DateTimeOffset Now, AuditSummary Audit, RetentionSummary Retention, FilingSummary Filing, int Residents,
    IReadOnlyList<GateLogEntry> Gate);
