using System;
using System.Globalization;
using System.Text;

namespace FaceCompliance;

/// <summary>
/// Proof that a person gave separate consent to one purpose after reading one version of its notice (Measures
/// Arts. 5-7; PIPL Art. 29): who, which purpose, which notice version, when and how, until when, how old the person is
/// known to be and for a person under 14 which guardian consented, and which further scopes (transfer off the device,
/// keeping images, provision to another processor) they consented to separately. Issued and signed by an
/// <see cref="IConsentRegistry"/> with a key only the application holds, so it cannot be forged or edited (the age
/// band and the scopes included); typed by purpose, so it cannot be used for another one.
/// Every facial-data API of the runtime takes one and checks it again (<see cref="IConsentRegistry.EnsureValid{TPurpose}(ConsentReceipt{TPurpose})"/>).
/// </summary>
/// <typeparam name="TPurpose">The purpose consented to.</typeparam>
[FacialConsentReceipt]
public sealed class ConsentReceipt<TPurpose>
    where TPurpose : IFacialDataPurpose
{
    private const string TokenPrefix = "fcr2.";
    private const string LegacyTokenPrefix = "fcr1.";
    private const string ContentHeader = "FaceCompliance consent receipt v2";
    private const string LegacyContentHeader = "FaceCompliance consent receipt v1";
    private readonly byte[] _signature;

    /// <summary>Creates a receipt from its fields; registries call this when issuing or loading one.</summary>
    public ConsentReceipt(string id, string subjectId, string purposeId, string noticeVersion, DateTimeOffset givenAt,
        DateTimeOffset expiresAt, ConsentForm form, FacialAgeBand ageBand, string? guardianId, FacialConsentScopes scopes, ReadOnlySpan<byte> signature)
    {
        Id = SubjectId.Validate(id, nameof(id));
        Subject = SubjectId.Validate(subjectId, nameof(subjectId));
        PurposeId = SubjectId.Validate(purposeId, nameof(purposeId));
        NoticeVersion = SubjectId.Validate(noticeVersion, nameof(noticeVersion));
        GivenAt = givenAt.ToUniversalTime();
        ExpiresAt = expiresAt.ToUniversalTime();
        Form = form;
        AgeBand = ageBand;
        Scopes = scopes;
        GuardianId = guardianId is null ? null : SubjectId.Validate(guardianId, nameof(guardianId));
        _signature = signature.ToArray();
    }

    /// <summary>The receipt's unique id.</summary>
    public string Id { get; }

    /// <summary>The person whose face may be processed.</summary>
    public string Subject { get; }

    /// <summary>The purpose consented to, as written in the receipt.</summary>
    public string PurposeId { get; }

    /// <summary>The version of the notice the person read (<c>TPurpose.NoticeVersion</c> when issued).</summary>
    public string NoticeVersion { get; }

    /// <summary>When consent was given (UTC).</summary>
    public DateTimeOffset GivenAt { get; }

    /// <summary>When the consent stops being valid (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>How consent was given.</summary>
    public ConsentForm Form { get; }

    /// <summary>How old the person was known to be when consent was given.</summary>
    public FacialAgeBand AgeBand { get; }

    /// <summary>Whether the person is under 14, so that a guardian consented.</summary>
    public bool SubjectIsUnder14 => AgeBand == FacialAgeBand.Under14;

    /// <summary>The guardian who consented for a person under 14.</summary>
    public string? GuardianId { get; }

    /// <summary>The separate-consent scopes given beyond processing for the purpose.</summary>
    public FacialConsentScopes Scopes { get; }

    /// <summary>The registry's signature over every field above.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>
    /// The bytes the signature covers: a version line, then every field on its own line (ids hold no control
    /// characters, times are UTC ticks, enums their numbers), so no two receipts share them.
    /// </summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join("\n",
        ContentHeader, Id, Subject, PurposeId, NoticeVersion, Number(GivenAt.UtcTicks), Number(ExpiresAt.UtcTicks),
        Number((int)Form), Number((int)AgeBand), GuardianId ?? "", Number((int)Scopes)));

    /// <summary>
    /// The bytes a receipt issued before scopes and age bands were recorded (version 1) was signed over, or null when
    /// this receipt cannot be such a one. A version-1 receipt consented to processing only, and recorded only whether
    /// the person was under 14; registries migrate it to <see cref="FacialConsentScopes.Processing"/> and
    /// <see cref="FacialAgeBand.Under14"/> or <see cref="FacialAgeBand.Unknown"/>, and a version-1 signature is valid for
    /// exactly those values.
    /// </summary>
    internal byte[]? LegacySignedContent() => Scopes != FacialConsentScopes.Processing || AgeBand == FacialAgeBand.Adult
        ? null
        : Encoding.UTF8.GetBytes(string.Join("\n",
            LegacyContentHeader, Id, Subject, PurposeId, NoticeVersion, Number(GivenAt.UtcTicks), Number(ExpiresAt.UtcTicks),
            Number((int)Form), SubjectIsUnder14 ? "1" : "0", GuardianId ?? ""));

    /// <summary>The receipt as one URL-safe string, to hand to a client and take back later.</summary>
    public string ToToken() => TokenPrefix + Base64Url(SignedContent()) + "." + Base64Url(_signature);

    /// <summary>
    /// Reads a receipt from <see cref="ToToken"/>'s string, or from a version-1 token issued before scopes and age
    /// bands were recorded (read as <see cref="FacialConsentScopes.Processing"/>, and <see cref="FacialAgeBand.Under14"/>
    /// or <see cref="FacialAgeBand.Unknown"/>). Only the format is checked here; the registry checks validity.
    /// </summary>
    /// <exception cref="FormatException">The token is not a FaceCompliance consent receipt.</exception>
    public static ConsentReceipt<TPurpose> Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var legacy = token.StartsWith(LegacyTokenPrefix, StringComparison.Ordinal);
        var parts = legacy || token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? token[TokenPrefix.Length..].Split('.') : [];
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } content || FromBase64Url(parts[1]) is not { } signature)
        {
            throw new FormatException("Not a FaceCompliance consent receipt token (expected 'fcr2.<content>.<signature>').");
        }

        var fields = Encoding.UTF8.GetString(content).Split('\n');
        var wellFormed = legacy
            ? fields.Length == 10 && fields[0] == LegacyContentHeader && fields[8] is ("0" or "1")
            : fields.Length == 11 && fields[0] == ContentHeader;
        if (!wellFormed
            || !long.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var given)
            || !long.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !int.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var form)
            || given > DateTimeOffset.MaxValue.UtcTicks || expires > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new FormatException("The consent receipt token's content is malformed.");
        }

        FacialAgeBand ageBand;
        var scopes = 0;
        if (legacy)
        {
            ageBand = fields[8] == "1" ? FacialAgeBand.Under14 : FacialAgeBand.Unknown;
        }
        else if (int.TryParse(fields[8], NumberStyles.None, CultureInfo.InvariantCulture, out var band)
            && int.TryParse(fields[10], NumberStyles.None, CultureInfo.InvariantCulture, out scopes))
        {
            ageBand = (FacialAgeBand)band;
        }
        else
        {
            throw new FormatException("The consent receipt token's content is malformed.");
        }

        try
        {
            return new ConsentReceipt<TPurpose>(fields[1], fields[2], fields[3], fields[4], new DateTimeOffset(given, TimeSpan.Zero),
                new DateTimeOffset(expires, TimeSpan.Zero), (ConsentForm)form, ageBand, fields[9].Length == 0 ? null : fields[9],
                (FacialConsentScopes)scopes, signature);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The consent receipt token's content is malformed: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"consent {Id} of '{Subject}' to {PurposeId} (notice {NoticeVersion}, {Form}, age band {AgeBand}, scopes {Scopes}, until {ExpiresAt:u})";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
