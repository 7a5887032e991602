using System;
using FaceCompliance.PostgreSql;
using FaceCompliance.Sqlite;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>The store a node opened: the PostgreSQL store (shared by every node) or the SQLite store (one node).</summary>
public sealed record NodeStore(string Node, IConsentRegistry Consents, IFaceTemplateStore Templates, IAuditTrail Audit, IDisposable Store) : IDisposable
{
    /// <summary>The template dimension of every node and test.</summary>
    public const int Dimension = 8;

    public static NodeStore Open(string node, byte[] masterKey, string? postgres, string? sqlite)
    {
        var options = new FacialDataStoreOptions(new FacialDataKeys(masterKey)) { Actor = node, TemplateDimension = Dimension };
        if (postgres is not null)
        {
            var store = PostgreSqlFacialDataStore.Open(postgres, options);
            return new NodeStore(node, store.Consents, store.Templates, store.Audit, store);
        }

        var file = SqliteFacialDataStore.Open(sqlite ?? throw new ArgumentException("no store named: --postgres or --sqlite"), options);
        return new NodeStore(node, file.Consents, file.Templates, file.Audit, file);
    }

    /// <summary>
    /// The template of a person, the same on every node and in the tests (derived from the id), so that any node can
    /// verify a person another node enrolled without being told their template.
    /// </summary>
    public static FaceTemplate TemplateOf(string subject)
    {
        var seed = 17;
        foreach (var c in subject)
        {
            seed = unchecked(seed * 31 + c);
        }

        var random = new Random(seed);
        var values = new float[Dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        values[0] += 3; // never all zeros
        return new FaceTemplate(values);
    }

    public void Dispose() => Store.Dispose();
}
