using System;
using System.IO;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// A real generic host with <c>AddFaceCompliance(…).AddSqliteStore(…)</c> on a fresh folder, a fake clock and the
/// test's own additions; deletes the folder afterwards.
/// </summary>
public sealed class TestHost : StoreTestHost
{
    public TestHost()
        : base("gate-1", TestStore.MasterKey)
    {
        Directory = Path.Combine(Path.GetTempPath(), "facecompliance-hosting-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        StorePath = Path.Combine(Directory, "gate.db");
    }

    public string Directory { get; }

    public string StorePath { get; }

    protected override void AddStore(IFaceComplianceBuilder faceCompliance, string? store) => faceCompliance.AddSqliteStore(store ?? StorePath);

    protected override void DeleteStore()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
