using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>The run-time table of which uses a purpose's method allows, against the table in docs/rules/FC0005.md.</summary>
public sealed class ProcessingMethodTests
{
    [Fact]
    public void Allows_matches_the_FC0005_table()
    {
        const FacialProcessingMethod D = FacialProcessingMethod.Detection, L = FacialProcessingMethod.Liveness,
            A = FacialProcessingMethod.AttributeAnalysis, V = FacialProcessingMethod.Verification, I = FacialProcessingMethod.Identification;
        (FacialProcessingMethod Purpose, FacialProcessingMethod[] Uses)[] table =
        [
            (D, [D]),
            (L, [D, L]),
            (A, [D, A]),
            (V, [D, L, V]),
            (I, [D, L, V, I]),
            (FacialProcessingMethod.Unspecified, []),
        ];
        var all = Enum.GetValues<FacialProcessingMethod>();

        foreach (var (purpose, uses) in table)
        {
            Assert.Equal(uses.Order(), all.Where(use => purpose.Allows(use)).Order());
        }
    }
}
