using System;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FaceCompliance.PostgreSql.Tests.Hosting;

/// <summary>
/// A real generic host with <c>AddFaceCompliance(…).AddPostgreSqlStore(…)</c> on a fresh database, a fake clock and
/// the test's own additions; drops the database afterwards.
/// </summary>
public sealed class TestHost() : StoreTestHost("node-1", MasterKey)
{
    public static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public string ConnectionString { get; } = TestServer.CreateDatabase();

    protected override void AddStore(IFaceComplianceBuilder faceCompliance, string? store) => faceCompliance.AddPostgreSqlStore(store ?? ConnectionString);

    protected override void DeleteStore() => TestServer.DropDatabase(ConnectionString);
}
