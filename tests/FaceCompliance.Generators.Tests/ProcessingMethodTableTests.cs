using System;
using System.Linq;
using FaceCompliance.Methods;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>The generator's compiled copy of src/Shared/Methods/ProcessingMethodTable.cs answers as the runtime does.</summary>
public sealed class ProcessingMethodTableTests
{
    private static readonly FacialProcessingMethod[] s_methods = Enum.GetValues<FacialProcessingMethod>();

    [Fact]
    public void The_table_under_test_is_the_generators_own_copy()
    {
        Assert.Same(typeof(FacialDeclarationsGenerator).Assembly, typeof(ProcessingMethodTable).Assembly);
    }

    [Fact]
    public void Every_pair_of_methods_gets_the_runtimes_answer()
    {
        var pairs = s_methods.SelectMany(purpose => s_methods.Select(use => (purpose, use))).ToArray();

        Assert.Equal(
            pairs.Select(p => (p.purpose, p.use, p.purpose.Allows(p.use))),
            pairs.Select(p => (p.purpose, p.use, ProcessingMethodTable.Allows((int)p.purpose, (int)p.use))));
    }

    [Fact]
    public void Names_and_identity_methods_are_the_runtimes()
    {
        Assert.Equal(s_methods.Select(m => m.ToString()), s_methods.Select(m => ProcessingMethodTable.Name((int)m)));
        Assert.Equal(
            [FacialProcessingMethod.Verification, FacialProcessingMethod.Identification],
            s_methods.Where(m => ProcessingMethodTable.IsIdentity((int)m)));
    }
}
