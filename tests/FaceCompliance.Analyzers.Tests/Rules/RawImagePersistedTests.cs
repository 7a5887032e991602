using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0014: a face image or its pixels written to a persistent sink needs a purpose that declares RetainsImages.</summary>
public sealed class RawImagePersistedTests
{
    private const string ArchivePurpose = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验住户并留存登记照片", DescriptionEn = "Verify residents and keep their enrolment photo", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "登记照片留存于设备", ImpactEn = "Enrolment photos are kept on the device", RetentionDays = 30,
            AlternativeZh = "刷卡", AlternativeEn = "Tap a card", RetainsImages = true)]
        public sealed partial class PhotoArchive : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new System.NotImplementedException();
        }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "访客登记照片", DescriptionEn = "Visitor photos", NecessityZh = "登记", NecessityEn = "Registration",
            ImpactZh = "照片留存于设备", ImpactEn = "Photos are kept on the device", RetentionDays = 7,
            AlternativeZh = "人工登记", AlternativeEn = "The front desk", RetainsImages = true)]
        public sealed partial class VisitorPhotos : IFacialDataPurpose
        {
            public static FacialPurposeInfo Info => throw new System.NotImplementedException();
        }
        """;

    /// <summary>Stand-ins for the persistent sinks the shared framework does not carry, with the names the sink table lists.</summary>
    private const string StandIns = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { }
            public class DbSet<T> where T : class { }
        }

        namespace Microsoft.Extensions.Caching.Distributed
        {
            public interface IDistributedCache { void Set(string key, byte[] value); }
        }

        namespace Azure.Storage.Blobs
        {
            public class BlobClient { public void Upload(System.IO.Stream content) { } }
        }

        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger { }
            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string message, params object?[] args) { }
            }
        }

        namespace Microsoft.Data.Sqlite
        {
            public class SqliteParameterCollection { public object AddWithValue(string name, object value) => value; }
        }

        public class FaceRow { public byte[] Photo { get; set; } = System.Array.Empty<byte>(); public string Name { get; set; } = ""; }

        public class NotAnEntity { public byte[] Photo { get; set; } = System.Array.Empty<byte>(); }

        public class FacesContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<FaceRow> Rows { get; set; } = new();
        }
        """;

    private static string Archive(string members, string purpose = "[UsesFacialData<CommunityEntry>]") => $$"""
        using System;
        using System.Data.Common;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using FaceCompliance;

        {{purpose}}
        public class Archive
        {
        {{members}}
        }
        """;

    private static AnalyzerTest Test(string source) => new AnalyzerTest(source).WithSource("ArchivePurpose.cs", ArchivePurpose).WithSource("StandIns.cs", StandIns);

    [Fact]
    public async Task Pixels_written_to_a_file_under_a_purpose_that_keeps_templates_only_is_FC0014()
    {
        var diagnostics = await Test(Archive("""
                public void Save(FaceImage image) => {|FC0014:File.WriteAllBytes("face.rgb", image.Pixels.ToArray())|};
            """)).RunAsync();

        Assert.Equal(
            "'File.WriteAllBytes' keeps a raw face image ('image'), but the purpose 'CommunityEntry' does not declare that it keeps face images: keep face templates only, or declare RetainsImages = true on the purpose, whose notice then says that face images are kept, and check the person's separate consent to it (FacialConsentScopes.ImageRetention) before each write (Measures Art. 8; PIPL Arts. 29, 47)",
            diagnostics.Single(d => d.Id == "FC0014").GetMessage());
    }

    [Fact]
    public Task A_purpose_that_declares_RetainsImages_permits_it_after_a_check_of_the_ImageRetention_scope() => Test(Archive("""
            public void Save(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                consents.EnsureImageRetentionConsent(receipt);
                File.WriteAllBytes("face.rgb", image.Pixels.ToArray());
            }

            public void SaveInLambda(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                consents.EnsureImageRetentionConsent(receipt);
                Action save = () => File.WriteAllBytes("face.rgb", image.Pixels.ToArray());
                save();
            }
        """, "[UsesFacialData<PhotoArchive>]")).RunAsync();

    [Fact]
    public async Task A_purpose_that_declares_RetainsImages_without_the_scope_check_is_FC0014()
    {
        var diagnostics = await Test(Archive("""
                public void Save(FaceImage image) => {|FC0014:File.WriteAllBytes("face.rgb", image.Pixels.ToArray())|};
            """, "[UsesFacialData<PhotoArchive>]")).RunAsync();

        Assert.Equal(
            "'File.WriteAllBytes' keeps a raw face image ('image'), but no consent check for 'PhotoArchive' that verifies FacialConsentScopes.ImageRetention (the person's separate consent to keeping face images) holds on every path before it; call a [FacialConsentCheck(Scopes = FacialConsentScopes.ImageRetention)] member such as IConsentRegistry.EnsureImageRetentionConsent first (Measures Art. 8; PIPL Arts. 29, 47)",
            diagnostics.Single(d => d.Id == "FC0014").GetMessage());
    }

    [Fact]
    public Task Consent_to_the_purpose_or_another_scope_or_a_check_on_one_path_only_is_not_the_separate_consent() => Test(Archive("""
            public void PurposeOnly(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                consents.EnsureValid(receipt);
                {|FC0014:File.WriteAllBytes("a.rgb", image.Pixels.ToArray())|};
            }

            public void TransferScope(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                consents.EnsureTransferConsent(receipt);
                {|FC0014:File.WriteAllBytes("b.rgb", image.Pixels.ToArray())|};
            }

            public void OnePath(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image, bool quick)
            {
                if (!quick)
                {
                    consents.EnsureImageRetentionConsent(receipt);
                }

                {|FC0014:File.WriteAllBytes("c.rgb", image.Pixels.ToArray())|};
            }

            public void After(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                {|FC0014:File.WriteAllBytes("d.rgb", image.Pixels.ToArray())|};
                consents.EnsureImageRetentionConsent(receipt);
            }

            public void OtherPurpose(IConsentRegistry consents, FaceCompliance.ConsentReceipt<VisitorPhotos> receipt, FaceImage image)
            {
                consents.EnsureImageRetentionConsent(receipt);
                {|FC0014:File.WriteAllBytes("e.rgb", image.Pixels.ToArray())|};
            }
        """, "[UsesFacialData<PhotoArchive>]")).RunAsync();

    [Fact]
    public Task Each_write_is_judged_on_its_own_entity_sets_and_own_method_calls_included() => Test(Archive("""
            private static void Keep(byte[] data) => File.WriteAllBytes("x", data);

            public FaceRow Checked(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image)
            {
                consents.EnsureImageRetentionConsent(receipt);
                Keep(image.Pixels.ToArray());
                return new FaceRow { Photo = image.Pixels.ToArray() };
            }

            public FaceRow Unchecked(FaceImage image)
            {
                {|FC0014:Keep(image.Pixels.ToArray())|};
                return new FaceRow { {|FC0014:Photo = image.Pixels.ToArray()|} };
            }

            public void CheckedOnOneBranchOnly(IConsentRegistry consents, FaceCompliance.ConsentReceipt<PhotoArchive> receipt, FaceImage image, FaceRow row, bool toFile)
            {
                if (toFile)
                {
                    consents.EnsureImageRetentionConsent(receipt);
                    Keep(image.Pixels.ToArray());
                }
                else
                {
                    {|FC0014:row.Photo = image.Pixels.ToArray()|};
                }
            }
        """, "[UsesFacialData<PhotoArchive>]")).RunAsync();

    [Fact]
    public async Task Without_any_purpose_nothing_declares_that_images_are_kept()
    {
        var diagnostics = await Test(Archive("""
                public void Save(byte[] frame, int w, int h)
                {
                    using var image = FaceImage.FromRgb24(frame, w, h);
                    {|FC0014:File.WriteAllBytes("frame.rgb", frame)|};
                }
            """, string.Empty)).RunAsync();

        Assert.StartsWith(
            "'File.WriteAllBytes' keeps a raw face image ('frame'), but no purpose is declared for this code, so nothing declares that face images are kept",
            diagnostics.Single(d => d.Id == "FC0014").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Templates_and_their_bytes_are_not_raw_images() => Test(Archive("""
            public void Save(FaceTemplate template)
                => File.WriteAllText("t.json", JsonSerializer.Serialize(template.Values.ToArray()));
        """)).RunAsync();

    [Fact]
    public Task A_file_stream_by_static_type_is_a_sink_a_Stream_or_MemoryStream_is_not() => Test(Archive("""
            public void ToFile(FileStream file, FaceImage image) => {|FC0014:file.Write(image.Pixels)|};

            public void ToStream(Stream stream, FaceImage image) => stream.Write(image.Pixels);

            public void ToMemory(FaceImage image) => new MemoryStream().Write(image.Pixels);

            public void ToWriter(BinaryWriter writer, FaceImage image) => {|FC0014:writer.Write(image.Pixels)|};

            public void Serialized(FileStream file, FaceImage image) => {|FC0014:JsonSerializer.Serialize(file, image.Pixels.ToArray())|};
        """)).RunAsync();

    [Fact]
    public Task Database_parameters_EF_Core_entities_caches_blobs_and_logs_are_sinks() => Test(Archive("""
            public void Parameter(DbCommand command, FaceImage image)
            {
                var parameter = command.CreateParameter();
                {|FC0014:parameter.Value = image.Pixels.ToArray()|};
            }

            public void Sqlite(Microsoft.Data.Sqlite.SqliteParameterCollection parameters, FaceImage image) => {|FC0014:parameters.AddWithValue("$photo", image.Pixels.ToArray())|};

            public void Entity(FaceRow row, FaceImage image) => {|FC0014:row.Photo = image.Pixels.ToArray()|};

            public FaceRow NewEntity(FaceImage image) => new FaceRow { {|FC0014:Photo = image.Pixels.ToArray()|} };

            public void NotEntity(NotAnEntity other, FaceImage image) => other.Photo = image.Pixels.ToArray();

            public void EntityName(FaceRow row, FaceImage image) => row.Name = $"{image.Width}x{image.Height}";

            public void Cache(Microsoft.Extensions.Caching.Distributed.IDistributedCache cache, FaceImage image) => {|FC0014:cache.Set("photo", image.Pixels.ToArray())|};

            public void Blob(Azure.Storage.Blobs.BlobClient blob, FaceImage image) => {|FC0014:blob.Upload(new MemoryStream(image.Pixels.ToArray()))|};

            public void Log(Microsoft.Extensions.Logging.ILogger logger, FaceImage image) => {|FC0014:Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "photo {Pixels}", Convert.ToBase64String(image.Pixels))|};
        """)).RunAsync();

    [Fact]
    public Task An_own_method_that_writes_a_parameter_makes_its_call_with_an_image_the_use() => Test(Archive("""
            private static void Save(byte[] data) => File.WriteAllBytes("x", data);

            public void Image(FaceImage image) => {|FC0014:Save(image.Pixels.ToArray())|};

            public void Template(FaceTemplate template) => Save(template.Values.ToArray().SelectMany(BitConverter.GetBytes).ToArray());
        """)).RunAsync();
}
