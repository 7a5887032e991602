using System;
using System.IO;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// The store checks its file at open (a damaged page is refused with the file's name, not found later in the middle
/// of a withdrawal), and on Unix creates its files for their owner only.
/// </summary>
public sealed class FileIntegrityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-file-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_corrupted_page_is_refused_at_open_with_a_message_naming_the_file()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "gate.db");
        using (var test = new TestStore(path: path))
        {
            var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
            test.Templates.Enroll(receipt, TestStore.Template(1));
        }

        long rootPage;
        long pageSize;
        using (var connection = Raw(path))
        {
            Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            rootPage = Scalar(connection, "SELECT rootpage FROM sqlite_master WHERE name = 'templates'");
            pageSize = Scalar(connection, "PRAGMA page_size");
        }

        SqliteConnection.ClearAllPools();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = (rootPage - 1) * pageSize; // the page-type byte of the templates table's root
            file.WriteByte(0xff);
        }

        var before = File.ReadAllBytes(path);

        var damaged = Assert.Throws<InvalidDataException>(() => new TestStore(path: path));

        Assert.StartsWith($"The FaceCompliance store file '{path}' is damaged (SQLite's integrity check: ", damaged.Message, StringComparison.Ordinal);
        Assert.Matches("malformed|Page " + rootPage, damaged.Message);
        Assert.Contains("Nothing was written", damaged.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_its_name()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "gate.db");
        File.WriteAllBytes(path, new byte[8192]);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write("this is not a SQLite file, it only has its size"u8);
        }

        var damaged = Assert.Throws<InvalidDataException>(() => new TestStore(path: path));

        Assert.StartsWith($"The FaceCompliance store file '{path}' is damaged", damaged.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(damaged.InnerException);
    }

    [Fact]
    public void On_Unix_a_new_store_is_0600_in_a_new_0700_folder_and_so_are_its_log_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows files inherit the folder's ACL; there is no Unix mode to check.
        }

        var folder = Path.Combine(_directory, "data");
        var path = Path.Combine(folder, "gate.db");
        using var test = new TestStore(path: path);
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, TestStore.Template(1));

        const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.True(File.Exists(path + "-wal"), "the write-ahead log exists while the store is open");
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-shm"));
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

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
