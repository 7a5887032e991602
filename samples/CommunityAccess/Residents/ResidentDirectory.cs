using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FaceCompliance;
using Microsoft.Data.Sqlite;

namespace CommunityAccess.Residents;

/// <summary>
/// The gate's own records, in a small SQLite file beside the FaceCompliance store: who lives here, the hash of each
/// resident's access card number or PIN, the consent receipt each resident was issued (as its signed token), and
/// which face templates were enrolled when, for the retention schedule. It holds no facial data: templates stay in
/// the FaceCompliance store, encrypted.
/// </summary>
/// <remarks>
/// The consent checks here are what the analyzers look for before every facial-data call of the gate (FC0002):
/// <see cref="HasConsent{TPurpose}"/> in an <c>if</c>, or <see cref="EnsureConsent{TPurpose}"/>, which throws. Both
/// ask the FaceCompliance consent registry about the resident's receipt, so a withdrawn, expired, forged or outdated
/// consent fails here as it would inside the runtime.
/// </remarks>
public sealed class ResidentDirectory
{
    private const int CardHashIterations = 100_000;
    private readonly string connectionString;
    private readonly IConsentRegistry registry;
    private readonly TimeProvider clock;

    /// <summary>Opens (or creates) the directory in <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="registry">The FaceCompliance consent registry that issued the receipts.</param>
    /// <param name="clock">The clock.</param>
    public ResidentDirectory(string path, IConsentRegistry registry, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.registry = registry ?? throw new ArgumentNullException(nameof(registry));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS residents (
                resident_id TEXT PRIMARY KEY, card_salt BLOB NOT NULL, card_hash BLOB NOT NULL, registered_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS receipts (
                resident_id TEXT NOT NULL, purpose_id TEXT NOT NULL, token TEXT NOT NULL, guardian TEXT, withdrawn_at INTEGER,
                PRIMARY KEY (resident_id, purpose_id));
            CREATE TABLE IF NOT EXISTS enrolments (
                template_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, purpose_id TEXT NOT NULL, enrolled_at INTEGER NOT NULL);
            """);
    }

    /// <summary>Registers a new resident with their access card number or PIN. An existing resident's card or PIN is never replaced here.</summary>
    /// <param name="residentId">The resident, for example a building and flat number such as <c>3-1201</c>.</param>
    /// <param name="cardOrPin">The card number or PIN: 4 to 32 characters.</param>
    /// <exception cref="ArgumentException">An id or card that is empty, too long or malformed.</exception>
    /// <exception cref="ResidentExistsException">The resident is registered already; nothing was changed.</exception>
    public void Register(string residentId, string cardOrPin)
    {
        SubjectId.Validate(residentId, nameof(residentId));
        ArgumentNullException.ThrowIfNull(cardOrPin);
        if (cardOrPin.Trim().Length is < 4 or > 32)
        {
            throw new ArgumentException("An access card number or PIN has 4 to 32 characters.", nameof(cardOrPin));
        }

        byte[] salt = RandomNumberGenerator.GetBytes(16);
        using var connection = Open();
        using SqliteCommand insert = Command(connection, """
            INSERT INTO residents (resident_id, card_salt, card_hash, registered_at) VALUES ($id, $salt, $hash, $now)
            ON CONFLICT (resident_id) DO NOTHING
            """,
            ("$id", residentId), ("$salt", salt), ("$hash", HashCard(cardOrPin.Trim(), salt)), ("$now", clock.GetUtcNow().UtcTicks));
        if (insert.ExecuteNonQuery() == 0)
        {
            throw new ResidentExistsException(residentId);
        }
    }

    /// <summary>Whether the resident is registered.</summary>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool IsRegistered(string residentId)
    {
        using var connection = Open();
        return Scalar(connection, "SELECT COUNT(*) FROM residents WHERE resident_id = $id", ("$id", residentId)) is long and > 0;
    }

    /// <summary>Whether the card number or PIN is the one issued to the resident (compared in constant time).</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="cardOrPin">The card number read or PIN typed.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool CardMatches(string residentId, string cardOrPin)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT card_salt, card_hash FROM residents WHERE resident_id = $id", ("$id", residentId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            && CryptographicOperations.FixedTimeEquals((byte[])reader.GetValue(1), HashCard(cardOrPin.Trim(), (byte[])reader.GetValue(0)));
    }

    /// <summary>
    /// Records consent to <typeparamref name="TPurpose"/> with the FaceCompliance registry, which signs and stores the
    /// receipt, and keeps the receipt's token so the gate can present it later. A resident under 14 needs their
    /// guardian's consent (Measures Art. 7; PIPL Art. 31).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose consented to.</typeparam>
    /// <param name="residentId">The resident, who must be registered.</param>
    /// <param name="guardian">For a resident under 14, the guardian who consents (name and relationship); otherwise <see langword="null"/>.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="KeyNotFoundException">The resident is not registered.</exception>
    /// <exception cref="ArgumentException">The registry refused the grant (for example a child without a guardian).</exception>
    public ConsentReceipt<TPurpose> Consent<TPurpose>(string residentId, string? guardian)
        where TPurpose : IFacialDataPurpose
    {
        if (!IsRegistered(residentId))
        {
            throw new KeyNotFoundException($"Resident '{residentId}' is not registered: register the resident and their card or PIN first.");
        }

        ConsentReceipt<TPurpose> receipt = registry.Grant<TPurpose>(new ConsentGrant(residentId, ConsentForm.Separate)
        {
            // The consent form asks whether the resident is under 14; a guardian is given exactly when they are.
            AgeBand = guardian is not null ? FacialAgeBand.Under14 : FacialAgeBand.Adult,
            GuardianId = guardian,
        });
        using var connection = Open();
        Execute(connection, """
            INSERT INTO receipts (resident_id, purpose_id, token, guardian, withdrawn_at) VALUES ($id, $purpose, $token, $guardian, NULL)
            ON CONFLICT (resident_id, purpose_id) DO UPDATE SET token = excluded.token, guardian = excluded.guardian, withdrawn_at = NULL
            """,
            ("$id", residentId), ("$purpose", TPurpose.Info.Id), ("$token", receipt.ToToken()), ("$guardian", guardian));
        return receipt;
    }

    /// <summary>The receipt the resident was last issued for <typeparamref name="TPurpose"/>, valid or not; <see langword="null"/> if none.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The receipt, or <see langword="null"/>.</returns>
    public ConsentReceipt<TPurpose>? FindReceipt<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        using var connection = Open();
        return Scalar(connection, "SELECT token FROM receipts WHERE resident_id = $id AND purpose_id = $purpose",
                ("$id", residentId), ("$purpose", TPurpose.Info.Id)) is string token
            ? ConsentReceipt<TPurpose>.Parse(token)
            : null;
    }

    /// <summary>The resident's receipt for <typeparamref name="TPurpose"/>, to pass to the runtime, which checks it again.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="NoConsentException">The resident never consented.</exception>
    public ConsentReceipt<TPurpose> ReceiptOf<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => FindReceipt<TPurpose>(residentId) ?? throw new NoConsentException(residentId, TPurpose.Info.Id);

    /// <summary>
    /// Whether the resident holds a consent to <typeparamref name="TPurpose"/> that the registry accepts now: issued
    /// here, unaltered, not withdrawn, not expired, and given to the notice as it reads now (Measures Art. 5 §2).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> only when the consent is valid now.</returns>
    /// <remarks>
    /// Guardian-aware (FC0017): every receipt records the age band stated at consent (the consent API refuses a
    /// request that does not say whether the resident is under 14), and a receipt for a resident under 14 counts only
    /// with the guardian who consented, which the registry also enforces when it grants one.
    /// </remarks>
    [FacialConsentCheck(GuardianAware = true)]
    public bool HasConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
        => FindReceipt<TPurpose>(residentId) is { } receipt && registry.Check(receipt) is null && HasGuardianIfUnder14(receipt);

    /// <summary>Throws unless the resident holds a consent to <typeparamref name="TPurpose"/> that is valid now; a refusal is audited.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <exception cref="NoConsentException">The resident never consented.</exception>
    /// <exception cref="ConsentRequiredException">The consent is not valid now (withdrawn, expired, for an older notice...).</exception>
    /// <remarks>Guardian-aware, as <see cref="HasConsent{TPurpose}"/> is.</remarks>
    [FacialConsentCheck(GuardianAware = true)]
    public void EnsureConsent<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        ConsentReceipt<TPurpose> receipt = ReceiptOf<TPurpose>(residentId);
        registry.EnsureValid(receipt);
        if (!HasGuardianIfUnder14(receipt))
        {
            throw new NoConsentException(residentId, TPurpose.Info.Id);
        }
    }

    private static bool HasGuardianIfUnder14<TPurpose>(ConsentReceipt<TPurpose> receipt)
        where TPurpose : IFacialDataPurpose
        => !receipt.SubjectIsUnder14 || receipt.GuardianId is not null;

    /// <summary>
    /// Withdraws the resident's consent to <typeparamref name="TPurpose"/>: the registry marks it withdrawn and
    /// deletes their templates for it in the same transaction, at once (PIPL Arts. 15 and 47).
    /// </summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <returns>The number of templates deleted.</returns>
    /// <exception cref="NoConsentException">The resident has no consent to withdraw.</exception>
    public int Withdraw<TPurpose>(string residentId)
        where TPurpose : IFacialDataPurpose
    {
        _ = ReceiptOf<TPurpose>(residentId);
        int deleted;
        try
        {
            deleted = registry.Withdraw<TPurpose>(residentId);
        }
        catch (KeyNotFoundException)
        {
            throw new NoConsentException(residentId, TPurpose.Info.Id);
        }

        using var connection = Open();
        Execute(connection, "UPDATE receipts SET withdrawn_at = $now WHERE resident_id = $id AND purpose_id = $purpose",
            ("$now", clock.GetUtcNow().UtcTicks), ("$id", residentId), ("$purpose", TPurpose.Info.Id));
        Execute(connection, "DELETE FROM enrolments WHERE resident_id = $id AND purpose_id = $purpose",
            ("$id", residentId), ("$purpose", TPurpose.Info.Id));
        return deleted;
    }

    /// <summary>Notes that a template was enrolled for the resident, for the retention schedule.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="residentId">The resident.</param>
    /// <param name="templateId">The id the store gave the template.</param>
    /// <returns>The enrolment as recorded.</returns>
    public Enrolment RecordEnrolment<TPurpose>(string residentId, string templateId)
        where TPurpose : IFacialDataPurpose
    {
        var enrolment = new Enrolment(templateId, residentId, TPurpose.Info.Id, clock.GetUtcNow());
        using var connection = Open();
        Execute(connection, "INSERT INTO enrolments (template_id, resident_id, purpose_id, enrolled_at) VALUES ($template, $id, $purpose, $at)",
            ("$template", templateId), ("$id", residentId), ("$purpose", enrolment.PurposeId), ("$at", enrolment.EnrolledAt.UtcTicks));
        return enrolment;
    }

    /// <summary>Forgets enrolments whose templates the store deleted (a purge, or a deletion), as its audit trail reports them.</summary>
    /// <param name="templateIds">The deleted templates.</param>
    /// <param name="residentIds">Residents all of whose templates were deleted.</param>
    public void ForgetEnrolments(IEnumerable<string> templateIds, IEnumerable<string> residentIds)
    {
        using var connection = Open();
        foreach (string template in templateIds)
        {
            Execute(connection, "DELETE FROM enrolments WHERE template_id = $template", ("$template", template));
        }

        foreach (string resident in residentIds)
        {
            Execute(connection, "DELETE FROM enrolments WHERE resident_id = $id", ("$id", resident));
        }
    }

    /// <summary>Whether the gate enrolled a template of the resident that has not been deleted since.</summary>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> when enrolled.</returns>
    public bool IsEnrolled(string residentId)
    {
        using var connection = Open();
        return Scalar(connection, "SELECT COUNT(*) FROM enrolments WHERE resident_id = $id", ("$id", residentId)) is long and > 0;
    }

    /// <summary>The templates enrolled, oldest first, as the gate recorded them: of one resident, or of everyone.</summary>
    /// <param name="residentId">The resident, or <see langword="null"/> for everyone.</param>
    /// <returns>The enrolments.</returns>
    public IReadOnlyList<Enrolment> Enrolments(string? residentId = null)
    {
        using var connection = Open();
        using var command = Command(connection,
            "SELECT template_id, resident_id, purpose_id, enrolled_at FROM enrolments WHERE $id IS NULL OR resident_id = $id ORDER BY enrolled_at, template_id",
            ("$id", residentId));
        using var reader = command.ExecuteReader();
        var list = new List<Enrolment>();
        while (reader.Read())
        {
            list.Add(new Enrolment(reader.GetString(0), reader.GetString(1), reader.GetString(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return list;
    }

    /// <summary>What the gate knows about one resident, for their own status page.</summary>
    /// <param name="residentId">The resident.</param>
    /// <returns>The record, or <see langword="null"/> when the resident is not registered.</returns>
    public ResidentRecord? Find(string residentId)
    {
        using var connection = Open();
        if (Scalar(connection, "SELECT registered_at FROM residents WHERE resident_id = $id", ("$id", residentId)) is not long registered)
        {
            return null;
        }

        IReadOnlyList<Enrolment> enrolments = Enrolments(residentId);
        string? guardian = Scalar(connection, "SELECT guardian FROM receipts WHERE resident_id = $id ORDER BY purpose_id LIMIT 1", ("$id", residentId)) as string;
        return new ResidentRecord(residentId, new DateTimeOffset(registered, TimeSpan.Zero), guardian, enrolments);
    }

    /// <summary>The number of registered residents.</summary>
    /// <returns>The count.</returns>
    public int CountResidents()
    {
        using var connection = Open();
        return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM residents"), CultureInfo.InvariantCulture);
    }

    private static byte[] HashCard(string cardOrPin, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(cardOrPin), salt, CardHashIterations, HashAlgorithmName.SHA256, 32);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = Command(connection, sql, parameters);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}

/// <summary>One face template the gate enrolled, as the gate recorded it (the template itself is in the store).</summary>
/// <param name="TemplateId">The store's id of the template.</param>
/// <param name="ResidentId">Whose template it is.</param>
/// <param name="PurposeId">The purpose it was collected for.</param>
/// <param name="EnrolledAt">When it was enrolled (UTC).</param>
public sealed record Enrolment(string TemplateId, string ResidentId, string PurposeId, DateTimeOffset EnrolledAt);

/// <summary>A registered resident.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="RegisteredAt">When they were registered (UTC).</param>
/// <param name="Guardian">The guardian who consented for them, if they are under 14.</param>
/// <param name="Enrolments">Their enrolled templates.</param>
public sealed record ResidentRecord(string ResidentId, DateTimeOffset RegisteredAt, string? Guardian, IReadOnlyList<Enrolment> Enrolments);
