using System;
using System.Linq;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>The generator never references the runtime, so the values it mirrors are compared with the runtime's own.</summary>
public sealed class DeclarationValuesTests
{
    [Fact]
    public void Attribute_names_are_the_runtime_types_full_names()
    {
        Assert.Equal(DeclarationValues.PurposeAttribute, typeof(FacialDataPurposeAttribute).FullName);
        Assert.Equal(DeclarationValues.ProcessorAttribute, typeof(FacialDataProcessorAttribute).FullName);
    }

    [Fact]
    public void Enum_values_and_names_match_the_runtime_enums()
    {
        Assert.Equal(Enum.GetValues<FacialProcessingMethod>().Select(v => v.ToString()), ProcessingMethodTable.Names);
        Assert.Equal(Enum.GetValues<FacialProcessingMethod>().Select(v => (int)v), Enumerable.Range(0, ProcessingMethodTable.Names.Length));
        Assert.Equal(Enum.GetValues<FacialDataStorage>().Select(v => v.ToString()), DeclarationValues.StorageNames);
        Assert.Equal(Enum.GetValues<FacialDataCategories>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), DeclarationValues.Categories);
        Assert.Equal(Enum.GetValues<FacialDataSecurityMeasures>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), DeclarationValues.SecurityMeasures);
        Assert.Equal((int)FacialProcessingMethod.Verification, ProcessingMethodTable.Verification);
        Assert.Equal((int)FacialProcessingMethod.Identification, ProcessingMethodTable.Identification);
        Assert.Equal((int)FacialDataStorage.Server, DeclarationValues.StorageServer);
    }

    [Fact]
    public void Defaults_the_reader_assumes_are_the_attribute_defaults()
    {
        var purpose = new FacialDataPurposeAttribute(FacialProcessingMethod.Detection);

        Assert.Equal(DeclarationValues.DefaultDataCategories, (int)purpose.DataCategories);
        Assert.Equal(DeclarationValues.StorageOnDevice, (int)purpose.Storage);
    }
}
