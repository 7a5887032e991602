using System;
using System.Globalization;
using System.Text;

namespace FaceCompliance;

/// <summary>
/// Proof that a person gave separate consent to one purpose after reading one version of its notice (Measures
/// Arts. 5-7; PIPL Art. 29): who, which purpose, which notice version, when and how, until when, and for a person
/// under 14 which guardian consented. Issued and signed by an <see cref="IConsentRegistry"/> with a key only the
/// application holds, so it cannot be forged or edited; typed by purpose, so it cannot be used for another one.
/// Every facial-data API of the runtime takes one and checks it again (<see cref="IConsentRegistry.EnsureValid{TPurpose}"/>).
/// </summary>
/// <typeparam name="TPurpose">The purpose consented to.</typeparam>
[FacialConsentReceipt]
public sealed class ConsentReceipt<TPurpose>
    where TPurpose : IFacialDataPurpose
{
    private const string TokenPrefix = "fcr1.";
    private readonly byte[] _signature;

    /// <summary>Creates a receipt from its fields; registries call this when issuing or loading one.</summary>
    public ConsentReceipt(string id, string subjectId, string purposeId, string noticeVersion, DateTimeOffset givenAt,
        DateTimeOffset expiresAt, ConsentForm form, bool subjectIsUnder14, string? guardianId, ReadOnlySpan<byte> signature)
    {
        Id = SubjectId.Validate(id, nameof(id));
        Subject = SubjectId.Validate(subjectId, nameof(subjectId));
        PurposeId = SubjectId.Validate(purposeId, nameof(purposeId));
        NoticeVersion = SubjectId.Validate(noticeVersion, nameof(noticeVersion));
        GivenAt = givenAt.ToUniversalTime();
        ExpiresAt = expiresAt.ToUniversalTime();
        Form = form;
        SubjectIsUnder14 = subjectIsUnder14;
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

    /// <summary>Whether the person is under 14, so that a guardian consented.</summary>
    public bool SubjectIsUnder14 { get; }

    /// <summary>The guardian who consented for a person under 14.</summary>
    public string? GuardianId { get; }

    /// <summary>The registry's signature over every field above.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>
    /// The bytes the signature covers: a version line, then every field on its own line (ids hold no control
    /// characters, times are UTC ticks), so no two receipts share them.
    /// </summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join("\n",
        "FaceCompliance consent receipt v1", Id, Subject, PurposeId, NoticeVersion,
        GivenAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ExpiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ((int)Form).ToString(CultureInfo.InvariantCulture), SubjectIsUnder14 ? "1" : "0", GuardianId ?? ""));

    /// <summary>The receipt as one URL-safe string, to hand to a client and take back later.</summary>
    public string ToToken() => TokenPrefix + Base64Url(SignedContent()) + "." + Base64Url(_signature);

    /// <summary>Reads a receipt from <see cref="ToToken"/>'s string. Only the format is checked here; the registry checks validity.</summary>
    /// <exception cref="FormatException">The token is not a FaceCompliance consent receipt.</exception>
    public static ConsentReceipt<TPurpose> Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? token[TokenPrefix.Length..].Split('.') : [];
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } content || FromBase64Url(parts[1]) is not { } signature)
        {
            throw new FormatException("Not a FaceCompliance consent receipt token (expected 'fcr1.<content>.<signature>').");
        }

        var fields = Encoding.UTF8.GetString(content).Split('\n');
        if (fields.Length != 10 || fields[0] != "FaceCompliance consent receipt v1"
            || !long.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var given)
            || !long.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !int.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var form)
            || fields[8] is not ("0" or "1")
            || given > DateTimeOffset.MaxValue.UtcTicks || expires > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new FormatException("The consent receipt token's content is malformed.");
        }

        try
        {
            return new ConsentReceipt<TPurpose>(fields[1], fields[2], fields[3], fields[4], new DateTimeOffset(given, TimeSpan.Zero),
                new DateTimeOffset(expires, TimeSpan.Zero), (ConsentForm)form, fields[8] == "1", fields[9].Length == 0 ? null : fields[9], signature);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The consent receipt token's content is malformed: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"consent {Id} of '{Subject}' to {PurposeId} (notice {NoticeVersion}, {Form}, until {ExpiresAt:u})";

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
