using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// A file written by the previous schema (version 1: no scopes, no age band, no legal-basis grants) is migrated in
/// place when opened: its consents cover processing only, a child's keeps its guardian and becomes Under14, every
/// other one becomes Unknown, which a purpose that may involve minors refuses; the old tokens and signatures stay valid
/// for exactly those values.
/// </summary>
public sealed class SchemaMigrationTests : IDisposable
{
    // The schema version 1 created, verbatim.
    private const string Version1Schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE consents (
            receipt_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, purpose_id TEXT NOT NULL, notice_version TEXT NOT NULL,
            given_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, form INTEGER NOT NULL, under14 INTEGER NOT NULL,
            guardian_id TEXT, signature BLOB NOT NULL, withdrawn_at INTEGER);
        CREATE INDEX consents_subject ON consents (subject_id, purpose_id);
        CREATE TABLE subject_keys (subject_id TEXT PRIMARY KEY, wrapped_key BLOB NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE templates (
            template_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subject_keys (subject_id),
            purpose_id TEXT NOT NULL, receipt_id TEXT NOT NULL, collected_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
            ciphertext BLOB NOT NULL);
        CREATE INDEX templates_subject ON templates (subject_id, purpose_id);
        CREATE INDEX templates_expiry ON templates (expires_at);
        CREATE TABLE audit (
            sequence INTEGER PRIMARY KEY, time INTEGER NOT NULL, actor TEXT NOT NULL, action INTEGER NOT NULL,
            subject_id TEXT, purpose_id TEXT, receipt_id TEXT, outcome INTEGER NOT NULL, detail TEXT,
            previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
        PRAGMA user_version = 1;
        """;

    private static readonly DateTimeOffset s_givenAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-migration-" + Guid.NewGuid().ToString("N"));
    private readonly string _path;
    private readonly string _adultToken;
    private readonly string _childToken;
    private readonly string _visitorToken;

    public SchemaMigrationTests()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "v1.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, Version1Schema);
        var keys = new FacialDataKeys(TestStore.MasterKey);
        _adultToken = InsertVersion1Consent(connection, keys, "v1-adult", "resident-1", GateEntry.PurposeId, GateEntry.NoticeVersion, guardian: null);
        _childToken = InsertVersion1Consent(connection, keys, "v1-child", "child-2", GateEntry.PurposeId, GateEntry.NoticeVersion, guardian: "parent-2");
        _visitorToken = InsertVersion1Consent(connection, keys, "v1-visitor", "visitor-3", VisitorCheck.PurposeId, VisitorCheck.NoticeVersion, guardian: null);
    }

    [Fact]
    public void Opening_a_version_1_file_adds_scopes_age_bands_and_the_basis_table()
    {
        using (var test = new TestStore(path: _path))
        {
            using var connection = test.Raw();
            Assert.Equal(6L, Scalar(connection, "PRAGMA user_version;"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM subject_requests"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM interactions"));
            Assert.Equal(3L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('audit_subject', 'audit_action', 'audit_time')"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM templates WHERE quarantined_at IS NOT NULL"));
            Assert.Equal(1L, Scalar(connection, $"SELECT COUNT(*) FROM meta WHERE key = '{MasterKeyCheck.MetaKey}'"));
            Assert.Equal(0L, Scalar(connection, "SELECT age_band FROM consents WHERE receipt_id = 'v1-adult'"));
            Assert.Equal(2L, Scalar(connection, "SELECT age_band FROM consents WHERE receipt_id = 'v1-child'"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM consents WHERE scopes <> 0"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM basis_grants"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM interactions"));
        }

        using var reopened = new TestStore(path: _path);
        Assert.Equal(3, reopened.Count("consents"));
    }

    [Fact]
    public void An_old_consent_of_unknown_age_is_refused_by_a_purpose_that_may_involve_minors()
    {
        using var test = new TestStore(path: _path);
        var receipt = ConsentReceipt<GateEntry>.Parse(_adultToken);

        var error = Assert.Throws<ConsentRequiredException>(() => test.Templates.Enroll(receipt, TestStore.Template(1)));

        Assert.Equal(FacialAgeBand.Unknown, receipt.AgeBand);
        Assert.Equal(ConsentRejection.AgeUnknown, error.Reason);
        Assert.Equal(
            $"Consent of subject 'resident-1' to purpose '{GateEntry.PurposeId}' is not valid: receipt v1-adult does not say how old subject 'resident-1' is (age band Unknown), "
            + "and purpose '" + GateEntry.PurposeId + "' may involve people under 14: a person of unknown age is not treated as an adult. Record consent with AgeBand = Adult, "
            + "or with AgeBand = Under14 and the GuardianId of the parent or guardian who consented (Measures Art. 7; PIPL Art. 31)",
            error.Message);
        Assert.Equal(ConsentRejection.AgeUnknown, test.Consents.Check(receipt));
        Assert.Equal(0, test.Count("templates"));
        Assert.Contains(test.Audit.Read(), r => r.Action == AuditAction.ConsentRejected && r.ReceiptId == "v1-adult" && r.Detail == "AgeUnknown");
    }

    [Fact]
    public void An_old_guardian_consent_and_an_old_consent_to_an_adults_only_purpose_stay_valid()
    {
        using var test = new TestStore(path: _path);
        var child = ConsentReceipt<GateEntry>.Parse(_childToken);
        var visitor = ConsentReceipt<VisitorCheck>.Parse(_visitorToken);

        test.Templates.Enroll(child, TestStore.Template(2));
        test.Templates.Enroll(visitor, TestStore.Template(3));

        Assert.Equal((FacialAgeBand.Under14, "parent-2", FacialConsentScopes.Processing), (child.AgeBand, child.GuardianId, child.Scopes));
        Assert.Equal(FacialAgeBand.Unknown, visitor.AgeBand);
        Assert.Equal(2, test.Count("templates"));
        var reissued = ConsentReceipt<GateEntry>.Parse(child.ToToken());
        Assert.StartsWith("fcr2.", child.ToToken(), StringComparison.Ordinal);
        Assert.Null(test.Consents.Check(reissued));
    }

    [Fact]
    public void An_old_consent_covers_processing_only()
    {
        using var test = new TestStore(path: _path);
        var visitor = ConsentReceipt<VisitorCheck>.Parse(_visitorToken);

        var error = Assert.Throws<ConsentRequiredException>(() => test.Consents.EnsureValid(visitor, FacialConsentScopes.Transfer));

        Assert.Equal(ConsentRejection.ScopeMissing, error.Reason);
    }

    [Theory]
    [InlineData(FacialAgeBand.Adult, FacialConsentScopes.Processing)]
    [InlineData(FacialAgeBand.Unknown, FacialConsentScopes.Transfer)]
    [InlineData(FacialAgeBand.Under14, FacialConsentScopes.Processing)]
    public void An_old_signature_is_valid_only_for_the_migrated_values(FacialAgeBand ageBand, FacialConsentScopes scopes)
    {
        using var test = new TestStore(path: _path);
        var genuine = ConsentReceipt<VisitorCheck>.Parse(_visitorToken);
        var edited = new ConsentReceipt<VisitorCheck>(genuine.Id, genuine.Subject, genuine.PurposeId, genuine.NoticeVersion, genuine.GivenAt,
            genuine.ExpiresAt, genuine.Form, ageBand, ageBand == FacialAgeBand.Under14 ? "someone" : null, scopes, genuine.Signature);

        Assert.True(new ReceiptSigner(test.Keys).HasValidSignature(genuine));
        Assert.False(new ReceiptSigner(test.Keys).HasValidSignature(edited));
        Assert.Equal(ConsentRejection.Tampered, test.Consents.Check(edited));
    }

    [Fact]
    public void A_file_of_an_unknown_later_version_is_refused()
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "PRAGMA user_version = 7;");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new TestStore(path: _path));

        Assert.EndsWith("has FaceCompliance schema version 7; this library reads versions 1 to 6.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Inserts a consent as version 1 issued it (its signature over the version-1 content) and returns its version-1 token.</summary>
    private static string InsertVersion1Consent(SqliteConnection connection, FacialDataKeys keys, string id, string subject, string purposeId, string noticeVersion, string? guardian)
    {
        var expires = s_givenAt.AddDays(7);
        var content = string.Join("\n", "FaceCompliance consent receipt v1", id, subject, purposeId, noticeVersion,
            s_givenAt.UtcTicks.ToString(CultureInfo.InvariantCulture), expires.UtcTicks.ToString(CultureInfo.InvariantCulture),
            "1", guardian is null ? "0" : "1", guardian ?? "");
        var signature = HMACSHA256.HashData(keys.ReceiptKey.Span, Encoding.UTF8.GetBytes(content));
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO consents (receipt_id, subject_id, purpose_id, notice_version, given_at, expires_at, form, under14, guardian_id, signature)
            VALUES ($id, $subject, $purpose, $version, $given, $expires, 1, $under14, $guardian, $signature)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$subject", subject);
        command.Parameters.AddWithValue("$purpose", purposeId);
        command.Parameters.AddWithValue("$version", noticeVersion);
        command.Parameters.AddWithValue("$given", s_givenAt.UtcTicks);
        command.Parameters.AddWithValue("$expires", expires.UtcTicks);
        command.Parameters.AddWithValue("$under14", guardian is null ? 0 : 1);
        command.Parameters.AddWithValue("$guardian", (object?)guardian ?? DBNull.Value);
        command.Parameters.AddWithValue("$signature", signature);
        command.ExecuteNonQuery();
        return "fcr1." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(content)) + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
