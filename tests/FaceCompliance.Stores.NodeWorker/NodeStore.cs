using System;
using FaceCompliance.PostgreSql;
using FaceCompliance.Sqlite;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>The store a node opened: the PostgreSQL store (shared by every node) or the SQLite store (one node).</summary>
public sealed record NodeStore(
    string Node, IConsentRegistry Consents, IFaceTemplateStore Templates, IAuditTrail Audit, IIdentificationGallerySource Identification, IDisposable Store) : IDisposable
{
    public static NodeStore Open(string node, byte[] masterKey, string? postgres, string? sqlite)
    {
        var options = new FacialDataStoreOptions(new FacialDataKeys(masterKey)) { Actor = node, TemplateDimension = NodeTemplates.Dimension };
        if (postgres is not null)
        {
            var store = PostgreSqlFacialDataStore.Open(postgres, options);
            return new NodeStore(node, store.Consents, store.Templates, store.Audit, store.Identification, store);
        }

        var file = SqliteFacialDataStore.Open(sqlite ?? throw new ArgumentException("no store named: --postgres or --sqlite"), options);
        return new NodeStore(node, file.Consents, file.Templates, file.Audit, file.Identification, file);
    }

    public void Dispose() => Store.Dispose();
}
