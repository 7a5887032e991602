using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>FC0001 fix: "Declare purpose 'X'" adds [UsesFacialData&lt;X&gt;] to the member that holds the use.</summary>
public sealed class DeclarePurposeCodeFixTests
{
    [Fact]
    public Task Adds_the_purpose_to_the_method() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using FaceCompliance;

        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            /// <summary>Opens the gate for a resident.</summary>
            public bool Enter(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0001:engine.Verify(frame, enrolled)|};
            }
        }
        """, """
        using FaceCompliance;

        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            /// <summary>Opens the gate for a resident.</summary>
            [UsesFacialData<CommunityEntry>]
            public bool Enter(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, enrolled);
            }
        }
        """, "Declare purpose 'CommunityEntry'");

    [Fact]
    public Task A_use_in_a_lambda_declares_the_purpose_on_the_enclosing_method() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using System;
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            public Func<Frame, int> Counter()
            {
                consent.Ensure<CrowdCounting>("lobby");
                return frame => {|FC0001:engine.CountFaces(frame)|};
            }
        }
        """, """
        using System;
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent)
        {
            [UsesFacialData<CrowdCounting>]
            public Func<Frame, int> Counter()
            {
                consent.Ensure<CrowdCounting>("lobby");
                return frame => engine.CountFaces(frame);
            }
        }
        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task A_use_in_an_accessor_declares_the_purpose_on_the_property_above_its_attributes() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using System;
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent, Frame frame)
        {
            [Obsolete("Use Count()")]
            public int Faces
            {
                get
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return {|FC0001:engine.CountFaces(frame)|};
                }
            }
        }
        """, """
        using System;
        using FaceCompliance;

        public class Lobby(IFaceEngine engine, IConsentBook consent, Frame frame)
        {
            [UsesFacialData<CrowdCounting>]
            [Obsolete("Use Count()")]
            public int Faces
            {
                get
                {
                    consent.Ensure<CrowdCounting>("lobby");
                    return engine.CountFaces(frame);
                }
            }
        }
        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task Chooses_the_purpose_by_title_and_adds_the_using() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using System;

        public class Attendance(IFaceEngine engine, IConsentBook consent)
        {
            public string ClockIn(string id, Frame frame)
            {
                if (!consent.HasAttendanceConsent(id)) throw new InvalidOperationException("no consent");
                return {|FC0001:{|FC0003:engine.Identify(frame)|}|} ?? "unknown";
            }
        }
        """, """
        using System;
        using FaceCompliance;

        public class Attendance(IFaceEngine engine, IConsentBook consent)
        {
            [UsesFacialData<StaffAttendance>]
            public string ClockIn(string id, Frame frame)
            {
                if (!consent.HasAttendanceConsent(id)) throw new InvalidOperationException("no consent");
                return {|FC0003:engine.Identify(frame)|} ?? "unknown";
            }
        }
        """, "Declare purpose 'StaffAttendance'");

    [Fact]
    public async Task Offers_one_action_per_purpose_ordered_by_name()
    {
        var titles = await CodeFixTest.GetTitlesAsync<DeclarePurposeCodeFixProvider>("""
            public class Lobby(IFaceEngine engine)
            {
                public int Count(Frame frame) => {|FC0001:{|FC0002:engine.CountFaces(frame)|}|};
            }
            """);

        Assert.Equal(new[] { "Declare purpose 'CommunityEntry'", "Declare purpose 'CrowdCounting'", "Declare purpose 'StaffAttendance'" }, titles);
    }

    [Fact]
    public async Task Offers_at_most_five_purposes()
    {
        var titles = await CodeFixTest.GetTitlesAsync<DeclarePurposeCodeFixProvider>("""
            using FaceCompliance;

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "a", DescriptionEn = "a", NecessityZh = "a", NecessityEn = "a",
                ImpactZh = "a", ImpactEn = "a", RetentionDays = 1)]
            public sealed partial class AisleCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "b", DescriptionEn = "b", NecessityZh = "b", NecessityEn = "b",
                ImpactZh = "b", ImpactEn = "b", RetentionDays = 1)]
            public sealed partial class BayCounting { }

            [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "c", DescriptionEn = "c", NecessityZh = "c", NecessityEn = "c",
                ImpactZh = "c", ImpactEn = "c", RetentionDays = 1)]
            internal sealed partial class CarparkCounting { }

            public class Lobby(IFaceEngine engine)
            {
                public int Count(Frame frame) => {|FC0001:{|FC0002:engine.CountFaces(frame)|}|};
            }
            """);

        Assert.Equal(new[]
        {
            "Declare purpose 'AisleCounting'", "Declare purpose 'BayCounting'", "Declare purpose 'CarparkCounting'",
            "Declare purpose 'CommunityEntry'", "Declare purpose 'CrowdCounting'",
        }, titles);
    }

    [Fact]
    public async Task Offers_nothing_when_no_purpose_type_exists()
    {
        var titles = await CodeFixTest.GetTitlesAsync<DeclarePurposeCodeFixProvider>("""
            using FaceCompliance;

            public interface IDetector
            {
                [ProcessesFacialData(FacialProcessingMethod.Detection)] int Count(byte[] image);
            }

            public class Lobby(IDetector detector)
            {
                public int Count(byte[] image) => {|FC0001:{|FC0002:detector.Count(image)|}|};
            }
            """, prelude: false);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task Offers_nothing_for_a_use_in_a_field_initializer()
    {
        var titles = await CodeFixTest.GetTitlesAsync<DeclarePurposeCodeFixProvider>("""
            using System;

            public class Lobby(IFaceEngine engine)
            {
                private readonly Func<Frame, int> _count = frame => {|FC0001:{|FC0002:engine.CountFaces(frame)|}|};

                public int Count(Frame frame) => _count(frame);
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task Offers_only_purposes_whose_method_allows_the_use()
    {
        var titles = await CodeFixTest.GetTitlesAsync<DeclarePurposeCodeFixProvider>("""
            public class Desk(IFaceEngine engine)
            {
                public string? Who(Frame frame) => {|FC0001:{|FC0002:{|FC0003:engine.Identify(frame)|}|}|};
            }
            """);

        Assert.Equal(new[] { "Declare purpose 'StaffAttendance'" }, titles);
    }

    [Fact]
    public Task In_top_level_statements_declares_the_purpose_on_a_new_partial_class_Program() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine({|FC0001:engine.CountFaces(new Frame())|});
        """, """
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine(engine.CountFaces(new Frame()));

        [UsesFacialData<CrowdCounting>]
        partial class Program
        {
        }

        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task In_top_level_statements_adds_the_using_and_keeps_an_existing_partial_class_Program() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine({|FC0001:engine.CountFaces(new Frame())|});

        public partial class Program
        {
        }
        """, """
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine(engine.CountFaces(new Frame()));

        [UsesFacialData<CrowdCounting>]
        public partial class Program
        {
        }
        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task Fix_All_in_top_level_statements_adds_one_partial_class_Program() => CodeFixTest.VerifyFixAllAsync<DeclarePurposeCodeFixProvider>("""
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        var first = {|FC0001:engine.CountFaces(new Frame())|};
        var second = {|FC0001:engine.CountFaces(new Frame())|};
        System.Console.WriteLine(first + second);
        """, """
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        var first = engine.CountFaces(new Frame());
        var second = engine.CountFaces(new Frame());
        System.Console.WriteLine(first + second);

        [UsesFacialData<CrowdCounting>]
        partial class Program
        {
        }

        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task In_top_level_statements_adds_the_purpose_to_an_existing_static_partial_class_Program() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine({|FC0001:engine.CountFaces(new Frame())|});

        static partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, """
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CrowdCounting>("lobby");
        System.Console.WriteLine(engine.CountFaces(new Frame()));

        [UsesFacialData<CrowdCounting>]
        static partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, "Declare purpose 'CrowdCounting'");

    [Fact]
    public Task In_top_level_statements_adds_the_purpose_above_the_other_attributes_of_partial_class_Program() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using System.Diagnostics.CodeAnalysis;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CommunityEntry>("resident");
        System.Console.WriteLine({|FC0001:engine.Verify(new Frame(), new Template())|});

        /// <summary>The gate's entry point.</summary>
        [ExcludeFromCodeCoverage]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, """
        using System.Diagnostics.CodeAnalysis;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        consent.Ensure<CommunityEntry>("resident");
        System.Console.WriteLine(engine.Verify(new Frame(), new Template()));

        /// <summary>The gate's entry point.</summary>
        [UsesFacialData<CommunityEntry>]
        [ExcludeFromCodeCoverage]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, "Declare purpose 'CommunityEntry'");

    [Fact]
    public Task In_a_lambda_with_declarations_of_its_own_in_top_level_statements_declares_the_purpose_on_Program() => CodeFixTest.VerifyAsync<DeclarePurposeCodeFixProvider>("""
        using System;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        Func<string, Frame, Template, bool> enter = [NonBiometricAlternative(nameof(EnterWithCard))] (id, frame, t) =>
        {
            consent.Ensure<CommunityEntry>(id);
            return {|FC0001:engine.Verify(frame, t)|};
        };
        Console.WriteLine(enter("resident", new Frame(), new Template()));

        partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, """
        using System;
        using FaceCompliance;

        IFaceEngine engine = null!;
        IConsentBook consent = null!;
        Func<string, Frame, Template, bool> enter = [NonBiometricAlternative(nameof(EnterWithCard))] (id, frame, t) =>
        {
            consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        };
        Console.WriteLine(enter("resident", new Frame(), new Template()));

        [UsesFacialData<CommunityEntry>]
        partial class Program
        {
            public static bool EnterWithCard(string card) => card.Length > 0;
        }
        """, "Declare purpose 'CommunityEntry'");
}
