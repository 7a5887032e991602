using System;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>The limits are checked when the SQLite store opens (the limits themselves are in FaceCompliance.Stores.Tests, LimitContract).</summary>
public sealed class LimitTests
{
    [Fact]
    public void A_limit_below_1_is_refused_at_open()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facecompliance-limit-" + Guid.NewGuid().ToString("N") + ".db");
        var options = new FacialDataStoreOptions(new FacialDataKeys(TestStore.MasterKey)) { MaxTemplatesPerSubject = 0 };

        var error = Assert.Throws<ArgumentException>(() => SqliteFacialDataStore.Open(path, options));

        Assert.False(System.IO.File.Exists(path));
        Assert.Contains("MaxTemplatesPerSubject and MaxConsentsPerSubjectAndPurpose must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
