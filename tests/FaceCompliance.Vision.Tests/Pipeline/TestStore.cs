using System;
using System.IO;
using FaceCompliance.Sqlite;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>A real SQLite consent store in a temporary file, deleted with its WAL on dispose.</summary>
public sealed class TestStore : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "facecompliance-vision-" + Guid.NewGuid().ToString("N") + ".db");

    public TestStore() => Store = SqliteFacialDataStore.Open(_path, new FacialDataStoreOptions(new FacialDataKeys(new byte[32])));

    public SqliteFacialDataStore Store { get; }

    public IConsentRegistry Consents => Store.Consents;

    public ConsentReceipt<TPurpose> Grant<TPurpose>(string subject)
        where TPurpose : IFacialDataPurpose => Store.Consents.Grant<TPurpose>(new ConsentGrant(subject));

    public void Dispose()
    {
        Store.Dispose();
        File.Delete(_path);
        File.Delete(_path + "-wal");
        File.Delete(_path + "-shm");
    }
}
