using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Schema 5 to 6: a file written before last interactions were recorded gets the empty <c>interactions</c> table.</summary>
public sealed class InteractionsMigrationTests
{
    [Fact]
    public void Opening_a_version_5_file_adds_the_interactions_table_and_keeps_templates_and_chain()
    {
        using var old = new TestStore();
        var receipt = old.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        old.Templates.Enroll(receipt, TestStore.Template(1));
        using (var connection = old.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE interactions; PRAGMA user_version = 5;";
            command.ExecuteNonQuery();
        }

        using var test = new TestStore(path: old.Path);
        using (var connection = test.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM interactions), (SELECT COUNT(*) FROM templates)";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((6L, 0L, 1L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        Assert.Null(test.Templates.LastInteraction<GateEntry>("resident-7"));
        Assert.True(test.Templates.Verify(receipt, TestStore.Template(1), 0.5f).IsMatch);
        Assert.NotNull(test.Templates.LastInteraction<GateEntry>("resident-7"));
        Assert.True(test.Audit.Verify().IsValid);
    }
}
