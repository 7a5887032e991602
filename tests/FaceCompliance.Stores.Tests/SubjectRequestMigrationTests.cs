using FaceCompliance.PostgreSql;
using FaceCompliance.Sqlite;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// A store written before data subject requests existed (SQLite schema 4, PostgreSQL schema 1) gets the requests
/// table (and the later interactions table) when it is opened, keeps its data, and takes requests; one written before
/// last interactions existed (PostgreSQL schema 2) gets that table.
/// </summary>
public sealed class SubjectRequestMigrationTests
{
    [Fact]
    public void A_version_4_SQLite_file_is_migrated_to_version_6_with_the_requests_table()
    {
        using var test = new SqliteStoreUnderTest(new StoreSettings());
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.ExecuteRaw("DROP TABLE subject_requests");
        test.ExecuteRaw("DROP TABLE interactions");
        test.ExecuteRaw("PRAGMA user_version = 4");

        using var reopened = test.OpenAgain(test.OwnMasterKey);
        var request = ((SqliteFacialDataStore)reopened.Store).Requests.Receive("resident-7", DataSubjectRequestKind.Access);

        Assert.Equal(6L, test.ReadRow("SELECT user_version FROM pragma_user_version")[0]);
        Assert.Equal(0L, test.ReadRow("SELECT COUNT(*) FROM interactions")[0]);
        Assert.Equal(1L, test.ReadRow("SELECT COUNT(*) FROM subject_requests WHERE request_id = @id", ("@id", request.Id))[0]);
        Assert.Null(reopened.Consents.Check(receipt));
    }

    [Fact]
    public void A_version_1_PostgreSQL_database_is_migrated_to_version_3_with_the_requests_table()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.ExecuteRaw("DROP TABLE subject_requests");
        test.ExecuteRaw("DROP TABLE interactions");
        test.ExecuteRaw("UPDATE facecompliance_schema SET version = 1");

        using var reopened = test.OpenAgain(test.OwnMasterKey);
        var request = ((PostgreSqlFacialDataStore)reopened.Store).Requests.Receive("resident-7", DataSubjectRequestKind.Erasure);

        Assert.Equal(3L, test.ReadRow("SELECT version FROM facecompliance_schema")[0]);
        Assert.Equal(0L, test.ReadRow("SELECT COUNT(*) FROM interactions")[0]);
        Assert.Equal(1L, test.ReadRow("SELECT COUNT(*) FROM subject_requests WHERE request_id = @id", ("@id", request.Id))[0]);
        Assert.Null(reopened.Consents.Check(receipt));
    }

    [Fact]
    public void A_version_2_PostgreSQL_database_is_migrated_to_version_3_with_the_interactions_table()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.ExecuteRaw("DROP TABLE interactions");
        test.ExecuteRaw("UPDATE facecompliance_schema SET version = 2");

        using var reopened = test.OpenAgain(test.OwnMasterKey);

        Assert.Equal(3L, test.ReadRow("SELECT version FROM facecompliance_schema")[0]);
        Assert.Equal(0L, test.ReadRow("SELECT COUNT(*) FROM interactions")[0]);
        Assert.Equal(0L, test.ReadRow("SELECT COUNT(*) FROM subject_requests")[0]);
        Assert.Null(reopened.Consents.Check(receipt));
    }
}
