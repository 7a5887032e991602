using System;
using System.Collections.Generic;
using Xunit;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>Bad templates and options get an exception that names the problem (the stores' side: BadInputContract in tests/FaceCompliance.Stores.Tests).</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData(float.NaN, "value 3 is NaN")]
    [InlineData(float.PositiveInfinity, "value 3 is Infinity")]
    public void A_template_with_a_non_finite_value_is_refused_before_anything_is_stored(float bad, string expected)
    {
        var values = new float[8];
        Array.Fill(values, 0.5f);
        values[3] = bad;

        var error = Assert.Throws<ArgumentException>(() => new FaceTemplate(values));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_too_long_and_all_zero_templates_are_refused()
    {
        Assert.Contains("has 0", Assert.Throws<ArgumentException>(() => new FaceTemplate([])).Message, StringComparison.Ordinal);
        Assert.Contains("has 4097", Assert.Throws<ArgumentException>(() => new FaceTemplate(new float[4097])).Message, StringComparison.Ordinal);
        Assert.Contains("only zeros", Assert.Throws<ArgumentException>(() => new FaceTemplate(new float[8])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_and_keys_are_checked_when_the_store_opens()
    {
        Assert.Contains("at least 32 random bytes", Assert.Throws<ArgumentException>(() => new FacialDataKeys(new byte[16])).Message, StringComparison.Ordinal);
        var keys = new FacialDataKeys(TestStore.MasterKey);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facecompliance-" + Guid.NewGuid().ToString("N") + ".db");
        Assert.Contains("TemplateDimension must be 1 to 4096", Assert.Throws<ArgumentException>(() => SqliteFacialDataStore.Open(path, new FacialDataStoreOptions(keys) { TemplateDimension = 0 })).Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(path));
    }
}
