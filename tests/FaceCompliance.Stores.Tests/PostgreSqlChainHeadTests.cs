using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>The PostgreSQL store keeps the chain's head beside the records, so records cut from the chain's end are found.</summary>
public sealed class PostgreSqlChainHeadTests
{
    [Fact]
    public void Records_cut_from_the_end_of_the_chain_are_found_missing()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        for (var i = 0; i < 4; i++)
        {
            test.Audit.RecordApplicationEvent(null, AuditOutcome.Succeeded, "event " + i);
        }

        Assert.True(test.Audit.Verify().IsValid);
        Assert.Equal(2, test.ExecuteRaw("DELETE FROM audit WHERE sequence > 2"));

        var verification = test.Audit.Verify();

        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstInvalidSequence);
        Assert.StartsWith("missing record: the chain's head is record 4", verification.Problem, System.StringComparison.Ordinal);
    }
}
