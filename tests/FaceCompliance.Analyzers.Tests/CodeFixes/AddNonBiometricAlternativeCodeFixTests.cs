using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using FaceCompliance.CodeFixes;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// FC0003 fix: [NonBiometricAlternative(nameof(XWithoutFace))] on the member that holds the use, and a skeleton
/// XWithoutFace right after it that throws until the card, PIN or staff path is written.
/// </summary>
public sealed class AddNonBiometricAlternativeCodeFixTests
{
    private const string Title = CodeFixTitles.AddNonBiometricAlternative;

    [Fact]
    public Task Adds_the_attribute_and_a_skeleton_after_the_method() => CodeFixTest.VerifyAsync<AddNonBiometricAlternativeCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            /// <summary>Opens the gate for a resident.</summary>
            public bool Enter(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0003:engine.Verify(frame, enrolled)|};
            }

            public void Close() { }
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, IConsentBook consent)
        {
            /// <summary>Opens the gate for a resident.</summary>
            [NonBiometricAlternative(nameof(EnterWithoutFace))]
            public bool Enter(string id, Frame frame, Template enrolled)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, enrolled);
            }

            public bool EnterWithoutFace(string id, Frame frame, Template enrolled)
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }

            public void Close() { }
        }
        """, Title);

    [Fact]
    public Task A_use_in_a_lambda_puts_the_attribute_on_the_enclosing_method() => CodeFixTest.VerifyAsync<AddNonBiometricAlternativeCodeFixProvider>("""
        using System;
        using FaceCompliance;

        [UsesFacialData<StaffAttendance>]
        public class Attendance(IFaceEngine engine, IConsentBook consent)
        {
            public Func<Frame, string?> Identifier(string site)
            {
                consent.Ensure<StaffAttendance>(site);
                return frame => {|FC0003:engine.Identify(frame)|};
            }
        }
        """, """
        using System;
        using FaceCompliance;

        [UsesFacialData<StaffAttendance>]
        public class Attendance(IFaceEngine engine, IConsentBook consent)
        {
            [NonBiometricAlternative(nameof(IdentifierWithoutFace))]
            public Func<Frame, string?> Identifier(string site)
            {
                consent.Ensure<StaffAttendance>(site);
                return frame => engine.Identify(frame);
            }

            public Func<Frame, string?> IdentifierWithoutFace(string site)
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }
        }
        """, Title);

    [Fact]
    public Task An_existing_name_gets_a_number_and_the_skeleton_keeps_accessibility_and_static() => CodeFixTest.VerifyAsync<AddNonBiometricAlternativeCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        internal static class Turnstile
        {
            internal static bool EnterWithoutFace(string card) => card.Length > 0;

            internal static bool Enter<TSubject>(IFaceEngine engine, IConsentBook consent, TSubject id, Frame frame, Template enrolled = null!)
                where TSubject : notnull
            {
                consent.Ensure<CommunityEntry>(id.ToString()!);
                return {|FC0003:engine.Verify(frame, enrolled)|};
            }
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        internal static class Turnstile
        {
            internal static bool EnterWithoutFace(string card) => card.Length > 0;

            [NonBiometricAlternative(nameof(EnterWithoutFace1))]
            internal static bool Enter<TSubject>(IFaceEngine engine, IConsentBook consent, TSubject id, Frame frame, Template enrolled = null!)
                where TSubject : notnull
            {
                consent.Ensure<CommunityEntry>(id.ToString()!);
                return engine.Verify(frame, enrolled);
            }

            internal static bool EnterWithoutFace1<TSubject>(IFaceEngine engine, IConsentBook consent, TSubject id, Frame frame, Template enrolled = null!)
                where TSubject : notnull
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }
        }
        """, Title);

    [Fact]
    public Task A_property_gets_a_parameterless_skeleton_method() => CodeFixTest.VerifyAsync<AddNonBiometricAlternativeCodeFixProvider>("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, Frame frame, Template enrolled)
        {
            [RequiresFacialConsent]
            public bool IsResident => {|FC0003:engine.Verify(frame, enrolled)|};
        }
        """, """
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        public class Gate(IFaceEngine engine, Frame frame, Template enrolled)
        {
            [NonBiometricAlternative(nameof(IsResidentWithoutFace))]
            [RequiresFacialConsent]
            public bool IsResident => engine.Verify(frame, enrolled);

            public bool IsResidentWithoutFace()
            {
                throw new global::System.NotSupportedException("Offer a way to reach the same result without facial data (card, PIN, staff check), then remove this exception.");
            }
        }
        """, Title);

    [Fact]
    public async Task Not_offered_in_a_constructor()
    {
        var titles = await CodeFixTest.GetTitlesAsync<AddNonBiometricAlternativeCodeFixProvider>("""
            using FaceCompliance;

            [UsesFacialData<CommunityEntry>]
            public class Enrolment
            {
                public Enrolment(IFaceEngine engine, IConsentBook consent, string id, Frame frame)
                {
                    consent.Ensure<CommunityEntry>(id);
                    Template = {|FC0003:engine.Extract(frame)|};
                }

                public Template Template { get; }
            }
            """);

        Assert.Empty(titles);
    }
}
