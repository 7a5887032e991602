using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// Withdrawal on a real SQLite file, down to the bytes of the file and its log. The rest of the lifecycle runs against
/// both stores in tests/FaceCompliance.Stores.Tests (LifecycleContract).
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public void Withdrawal_deletes_the_subjects_rows_and_key_and_the_file_no_longer_holds_the_template()
    {
        using var test = new TestStore();
        var template = TestStore.Template(1);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var templateId = test.Templates.Enroll(receipt, template);
        var similarity = test.Templates.Verify(receipt, template, 0.5f).Similarity;
        var ciphertext = Ciphertext(test, templateId);
        Checkpoint(test);

        Assert.Equal(1f, similarity, 4);
        Assert.True(Contains(FileBytes(test), ciphertext), "Before withdrawal the encrypted template should be in the file.");
        Assert.False(Contains(FileBytes(test), MemoryMarshal.AsBytes(template.Values).ToArray()), "The template must never be stored in the clear.");

        var deleted = test.Consents.Withdraw<GateEntry>("resident-7");

        Assert.Equal(1, deleted);
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        Assert.Equal(0, test.Templates.PeopleStored);
        var file = FileBytes(test);
        Assert.False(Contains(file, ciphertext), "The encrypted template is still in the database file or its log after withdrawal.");
        Assert.False(Contains(file, MemoryMarshal.AsBytes(template.Values).ToArray()));
        var error = Assert.Throws<ConsentRequiredException>(() => test.Templates.Verify(receipt, template, 0.5f).Similarity);
        Assert.Equal(ConsentRejection.Withdrawn, error.Reason);
    }

    internal static byte[] Ciphertext(TestStore test, string templateId)
    {
        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
        command.Parameters.AddWithValue("$id", templateId);
        return (byte[])command.ExecuteScalar()!;
    }

    private static void Checkpoint(TestStore test)
    {
        using var connection = test.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    /// <summary>The database file and its write-ahead log, as bytes on disk.</summary>
    private static byte[] FileBytes(TestStore test)
    {
        using var stream = new MemoryStream();
        foreach (var path in new[] { test.Path, test.Path + "-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.CopyTo(stream);
        }

        return stream.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
