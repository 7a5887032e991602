using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceCompliance.Tests.Registration;

/// <summary>
/// <see cref="FaceComplianceOptions"/> as <c>AddFaceCompliance</c> validates it, and the store options it builds from
/// them; the data classes of the taxonomy. (The SQLite and Vision tests start real hosts with them.)
/// </summary>
public sealed class FaceComplianceOptionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-options-" + Guid.NewGuid().ToString("N"));

    public FaceComplianceOptionsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_key_file_shorter_than_a_key_is_refused_naming_the_file_and_its_length()
    {
        var file = Path.Combine(_directory, "master.key");
        File.WriteAllBytes(file, new byte[10]);

        var result = Validate(new FaceComplianceOptions { MasterKeyFile = file });

        Assert.Equal($"FaceComplianceOptions.MasterKeyFile '{file}' holds 10 bytes; a master key has at least 32 random bytes.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void A_key_and_a_key_file_together_are_refused()
    {
        var result = Validate(new FaceComplianceOptions { MasterKey = new byte[32], MasterKeyFile = Path.Combine(_directory, "master.key") });

        Assert.Contains("FaceComplianceOptions.MasterKey and FaceComplianceOptions.MasterKeyFile are both set; set one.", result.Failures!);
    }

    [Fact]
    public void A_key_of_zero_bytes_is_refused_as_a_key_cleared_too_early()
    {
        var result = Validate(new FaceComplianceOptions { MasterKey = new byte[32] });

        Assert.StartsWith("FaceComplianceOptions.MasterKey is all zero bytes, which is not a key: was the array cleared before the options were read?",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void A_key_file_that_is_a_folder_is_refused()
    {
        var result = Validate(new FaceComplianceOptions { MasterKeyFile = _directory });

        Assert.Equal($"FaceComplianceOptions.MasterKeyFile '{_directory}' is a folder, not a key file.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void The_store_options_carry_the_settings_the_key_of_the_file_and_the_containers_clock()
    {
        var file = Path.Combine(_directory, "master.key");
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(file, key);
        var clock = new FixedClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddFaceCompliance(o =>
        {
            o.MasterKeyFile = file;
            o.Actor = "gate-7";
            o.TemplateDimension = 128;
            o.MaxTemplatesPerSubject = 3;
            o.MaxConsentsPerSubjectAndPurpose = 2;
        });
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<FacialDataStoreOptions>();

        Assert.Equal(new FacialDataKeys(key).AuditKey.ToArray(), store.Keys.AuditKey.ToArray());
        Assert.Equal("gate-7", store.Actor);
        Assert.Equal(128, store.TemplateDimension);
        Assert.Equal(3, store.MaxTemplatesPerSubject);
        Assert.Equal(2, store.MaxConsentsPerSubjectAndPurpose);
        Assert.Same(clock, store.TimeProvider);
    }

    [Fact]
    public void Valid_options_pass()
    {
        Assert.True(Validate(new FaceComplianceOptions { MasterKey = FacialDataKeys.NewMasterKey() }).Succeeded);
    }

    [Fact]
    public void The_attributes_carry_the_taxonomys_classes()
    {
        Assert.Equal(new DataClassification("FaceCompliance", "SubjectId"), new ClassifiedSubjectIdAttribute().Classification);
        Assert.Equal(new DataClassification("FaceCompliance", "FacialData"), new ClassifiedFacialDataAttribute().Classification);
        Assert.NotEqual(FaceComplianceTaxonomy.SubjectId, FaceComplianceTaxonomy.FacialData);
    }

    private static ValidateOptionsResult Validate(FaceComplianceOptions options) =>
        new FaceComplianceOptionsValidator().Validate(Options.DefaultName, options);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    }
}
