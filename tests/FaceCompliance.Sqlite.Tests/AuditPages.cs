using System.Collections.Generic;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Reads a whole audit trail, a page at a time (also linked into tests/FaceCompliance.Stores.Tests).</summary>
internal static class AuditPages
{
    public static List<AuditRecord> ReadAll(IAuditTrail audit)
    {
        var records = new List<AuditRecord>();
        while (true)
        {
            var page = audit.Read(records.Count == 0 ? 0 : records[^1].Sequence, 1000);
            if (page.Count == 0)
            {
                return records;
            }

            records.AddRange(page);
        }
    }
}
