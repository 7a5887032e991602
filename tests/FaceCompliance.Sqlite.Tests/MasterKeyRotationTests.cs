using System;
using System.IO;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// What master key rotation does only in a SQLite file: a missing file is named and not created. The rotation itself
/// (data keys wrapped again, wrong key, same key, damaged keys) is a contract of every store
/// (tests/FaceCompliance.Stores.Tests, MasterKeyRotationContract).
/// </summary>
public sealed class MasterKeyRotationTests : IDisposable
{
    private static readonly byte[] NewMasterKey = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-rotation-" + Guid.NewGuid().ToString("N"));

    public MasterKeyRotationTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Rotation_refuses_a_missing_file_with_a_message_that_names_it_and_creates_none()
    {
        var missing = Path.Combine(_directory, "absent.db");

        var error = Assert.Throws<FileNotFoundException>(() =>
            SqliteFacialDataStore.RotateMasterKey(missing, new FacialDataKeys(TestStore.MasterKey), new FacialDataKeys(NewMasterKey)));

        Assert.Equal($"There is no FaceCompliance store at '{missing}' to rotate the master key of.", error.Message);
        Assert.False(File.Exists(missing));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
