using System;
using System.Linq;
using FaceCompliance.Methods;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>The run-time table of which uses a purpose's method allows, against the table in docs/rules/FC0005.md.</summary>
public sealed class ProcessingMethodTests
{
    private static readonly FacialProcessingMethod[] s_all = Enum.GetValues<FacialProcessingMethod>();

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

        foreach (var (purpose, uses) in table)
        {
            Assert.Equal(uses.Order(), s_all.Where(use => purpose.Allows(use)).Order());
        }
    }

    [Theory]
    [InlineData(FacialProcessingMethod.Verification)]
    [InlineData(FacialProcessingMethod.Identification)]
    [InlineData(FacialProcessingMethod.Liveness)]
    [InlineData(FacialProcessingMethod.AttributeAnalysis)]
    [InlineData(FacialProcessingMethod.Detection)]
    public void Every_declared_purpose_allows_landmarks_and_alignment_which_are_detection(FacialProcessingMethod purpose)
    {
        Assert.True(purpose.Allows(FacialProcessingMethod.Detection));
    }

    [Theory]
    [InlineData(FacialProcessingMethod.Verification)]
    [InlineData(FacialProcessingMethod.Identification)]
    public void Identity_purposes_do_not_allow_attribute_analysis(FacialProcessingMethod purpose)
    {
        Assert.False(purpose.Allows(FacialProcessingMethod.AttributeAnalysis));
    }

    [Fact]
    public void An_unspecified_method_on_either_side_allows_nothing()
    {
        Assert.DoesNotContain(s_all, use => FacialProcessingMethod.Unspecified.Allows(use));
        Assert.DoesNotContain(s_all, purpose => purpose.Allows(FacialProcessingMethod.Unspecified));
    }

    [Fact]
    public void The_enum_is_the_shared_tables_values_and_names()
    {
        // The enum lives in FaceCompliance.Annotations, which compiles the shared table; the runtime links the same file.
        Assert.NotNull(typeof(FacialProcessingMethod).Assembly.GetType(typeof(ProcessingMethodTable).FullName!));
        Assert.Equal(s_all.Select(m => m.ToString()), ProcessingMethodTable.Names);
        Assert.Equal(Enumerable.Range(0, ProcessingMethodTable.Names.Length), s_all.Select(m => (int)m));
    }

    [Fact]
    public void Every_pair_gets_the_shared_tables_answer()
    {
        foreach (var purpose in s_all)
        {
            foreach (var use in s_all)
            {
                Assert.Equal(ProcessingMethodTable.Allows((int)purpose, (int)use), purpose.Allows(use));
            }
        }
    }
}
