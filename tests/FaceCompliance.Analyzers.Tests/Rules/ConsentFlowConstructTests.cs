using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0002 and FC0006 on the constructs of issue 12, item 7 (docs/semantics.md, "Consent checks" and "Flow
/// analysis"): each construct has a case that warns and one that does not. Members are placed in the compliant gate
/// class (Snippets.GateTemplate); <see cref="Declarations"/> adds checks of other shapes beside the prelude.
/// </summary>
public sealed class ConsentFlowConstructTests
{
    /// <summary>Task-returning, nullable-receipt and property checks, [DoesNotReturnIf] guards, and an implementation of IConsentBook.</summary>
    private const string Declarations = """
        global using System.Linq;
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using FaceCompliance;

        public interface IConsentResults
        {
            [FacialConsentCheck] Task EnsureAsync<TPurpose>(string subject);
            [FacialConsentCheck] Task<bool> HasAsync<TPurpose>(string subject);
            [FacialConsentCheck] ValueTask<ConsentReceipt<TPurpose>> ReceiptAsync<TPurpose>(string subject);
            [FacialConsentCheck] ConsentReceipt<TPurpose>? TryGetReceipt<TPurpose>(string subject);
            ConsentStatus<TPurpose> Status<TPurpose>(string subject);
        }

        public sealed class ConsentStatus<TPurpose>
        {
            [FacialConsentCheck] public bool HasConsent { get; init; }
            public bool Expired { get; init; }
        }

        public static class Guard
        {
            public static void IsTrue([DoesNotReturnIf(false)] bool condition) { if (!condition) throw new InvalidOperationException(); }
            public static void IsFalse([DoesNotReturnIf(true)] bool condition) { if (condition) throw new InvalidOperationException(); }
        }

        public sealed class ConsentLedger : IConsentBook
        {
            public void Ensure<TPurpose>(string subject) { }
            public bool Has<TPurpose>(string subject) => false;
            public ConsentReceipt<TPurpose> Receipt<TPurpose>(string subject) => new();
            public bool HasAttendanceConsent(string subject) => false;
            public bool HasAnyConsent(string subject) => false;
            public void EnsureFresh<TPurpose>(string subject) { }
        }
        """;

    private static Task<ImmutableArray<Diagnostic>> Verify(string members)
        => new AnalyzerTest(Snippets.InGate(members)).WithSource("Consent.cs", Declarations).RunAsync();

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    // ---- consent results stored in locals ----

    [Fact]
    public Task Bool_local_from_a_short_circuit_or_a_loop_holds_where_true() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool open)
        {
            var granted = open && consent.Has<CommunityEntry>(id);
            if (granted) return engine.Verify(frame, t);
            granted = false;
            while (!granted) granted = consent.Has<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Bool_local_that_may_hold_another_value_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            var granted = night ? true : consent.Has<CommunityEntry>(id);
            if (granted) return {|FC0002:engine.Verify(frame, t)|};
            return false;
        }
        """);

    [Fact]
    public async Task Bool_local_written_in_a_lambda_or_by_reference_is_not_followed_and_says_so()
    {
        var diagnostics = await Verify("""
            public bool Enter(string id, Frame frame, Template t)
            {
                var granted = consent.Has<CommunityEntry>(id);
                Action grant = () => granted = true;
                grant();
                if (!granted) return false;
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public bool EnterRefreshed(string id, Frame frame, Template t)
            {
                var granted = consent.Has<CommunityEntry>(id);
                Refresh(ref granted);
                if (!granted) return false;
                return {|FC0002:engine.Verify(frame, t)|};
            }

            private static void Refresh(ref bool granted) => granted = true;
            """);
        Assert.Contains("'granted' holds a consent check's result, but the analysis does not follow it because it is written inside a lambda or local function", Message(diagnostics[0]));
        Assert.Contains("because it is passed by reference or written other than by '='", Message(diagnostics[1]));
    }

    // ---- is / is not and property patterns ----

    [Fact]
    public Task Property_patterns_on_a_check_property_and_null_tests_of_a_receipt() => Verify("""
        public bool Enter(IConsentResults results, string id, Frame frame, Template t)
        {
            if (results.Status<CommunityEntry>(id) is { HasConsent: true, Expired: false }) return engine.Verify(frame, t);
            if (results.TryGetReceipt<CommunityEntry>(id) is { } receipt) return engine.Verify(frame, t);
            if (results.TryGetReceipt<CommunityEntry>(id) is ConsentReceipt<CommunityEntry>) return engine.Verify(frame, t);
            if (results.Status<CommunityEntry>(id) is not { HasConsent: true }) return false;
            return engine.Verify(frame, t);
        }

        public bool EnterWithReceipt(IConsentResults results, string id, Frame frame, Template t)
        {
            var receipt = results.TryGetReceipt<CommunityEntry>(id);
            if (receipt is null) return false;
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Patterns_that_do_not_prove_consent_warn() => Verify("""
        public bool Enter(IConsentResults results, string id, Frame frame, Template t)
        {
            if (results.Status<CommunityEntry>(id) is { HasConsent: false }) return {|FC0002:engine.Verify(frame, t)|};
            if (results.Status<CommunityEntry>(id) is { Expired: false }) return {|FC0002:engine.Verify(frame, t)|};
            if (results.Status<CommunityEntry>(id) is not { HasConsent: false }) return {|FC0002:engine.Verify(frame, t)|};
            var receipt = results.TryGetReceipt<CommunityEntry>(id);
            if (receipt is not null) return true;
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    // ---- ?. with == true ----

    [Fact]
    public Task Null_conditional_check_compared_with_true() => Verify("""
        public bool Enter(IConsentBook? book, string id, Frame frame, Template t)
        {
            if (book?.Has<CommunityEntry>(id) == true) return engine.Verify(frame, t);
            if (book?.Has<CommunityEntry>(id) ?? false) return engine.Verify(frame, t);
            if (book?.Has<CommunityEntry>(id) is true) return engine.Verify(frame, t);
            return false;
        }
        """);

    [Fact]
    public Task Null_conditional_check_that_passes_on_null_warns() => Verify("""
        public bool Enter(IConsentBook? book, string id, Frame frame, Template t)
        {
            if (book?.Has<CommunityEntry>(id) != false) return {|FC0002:engine.Verify(frame, t)|};
            if (!(book?.Has<CommunityEntry>(id) == false)) return {|FC0002:engine.Verify(frame, t)|};
            if (book?.Has<CommunityEntry>(id) is not false) return {|FC0002:engine.Verify(frame, t)|};
            return false;
        }
        """);

    // ---- switch on a bool, switch expressions with guards ----

    [Fact]
    public Task Switch_on_a_check_and_switch_expression_guards() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            switch (consent.Has<CommunityEntry>(id))
            {
                case true: return engine.Verify(frame, t);
                default: return EnterWithCard(id);
            }
        }

        public bool EnterByDoor(string id, Frame frame, Template t, int door) => door switch
        {
            1 when consent.Has<CommunityEntry>(id) => engine.Verify(frame, t),
            _ => consent.Has<CommunityEntry>(id) switch { true => engine.Verify(frame, t), false => EnterWithCard(id) },
        };
        """);

    [Fact]
    public Task Switch_arms_without_the_check_warn() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            switch (consent.Has<CommunityEntry>(id))
            {
                case false: return {|FC0002:engine.Verify(frame, t)|};
                default: return EnterWithCard(id);
            }
        }

        public bool EnterByDoor(string id, Frame frame, Template t, int door) => door switch
        {
            1 when !consent.Has<CommunityEntry>(id) => {|FC0002:engine.Verify(frame, t)|},
            2 when door > 0 => {|FC0002:engine.Verify(frame, t)|},
            _ => consent.Has<CommunityEntry>(id) switch { false => {|FC0002:engine.Verify(frame, t)|}, true => EnterWithCard(id) },
        };
        """);

    // ---- catch filters ----

    [Fact]
    public Task Catch_filter_check_holds_in_its_handler() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try { return EnterWithCard(id); }
            catch (InvalidOperationException) when (consent.Has<CommunityEntry>(id)) { return engine.Verify(frame, t); }
        }
        """);

    [Fact]
    public Task Catch_filter_check_does_not_hold_when_false_or_after_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try { return EnterWithCard(id); }
            catch (InvalidOperationException) when (!consent.Has<CommunityEntry>(id)) { return {|FC0002:engine.Verify(frame, t)|}; }
        }

        public bool EnterAfter(string id, Frame frame, Template t)
        {
            try { Console.WriteLine(id); }
            catch (ArgumentException) when (consent.Has<CommunityEntry>(id)) { }
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    // ---- [DoesNotReturnIf] helpers and Debug.Assert ----

    [Fact]
    public Task Does_not_return_if_guard_holds_after_it() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            Guard.IsTrue(consent.Has<CommunityEntry>(id));
            return engine.Verify(frame, t);
        }

        public bool EnterNegated(string id, Frame frame, Template t)
        {
            Guard.IsFalse(!consent.Has<CommunityEntry>(id));
            return engine.Verify(frame, t);
        }

        public bool EnterAsserted(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            System.Diagnostics.Debug.Assert(consent.Has<CommunityEntry>(id));
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public async Task Guard_on_the_wrong_value_and_Debug_Assert_prove_nothing()
    {
        var diagnostics = await Verify("""
            public bool Enter(string id, Frame frame, Template t, bool night)
            {
                Guard.IsFalse(consent.Has<CommunityEntry>(id));
                Guard.IsTrue(consent.Has<CommunityEntry>(id) || night);
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public bool EnterAsserted(string id, Frame frame, Template t)
            {
                System.Diagnostics.Debug.Assert(consent.Has<CommunityEntry>(id) && t != null);
                System.Diagnostics.Debug.Assert(consent.Receipt<CommunityEntry>(id) != null);
                return {|FC0002:engine.Verify(frame, t)|};
            }
            """);
        Assert.Contains("'IConsentBook.Receipt' is inside a call to 'Debug.Assert', which is [Conditional] and compiled only where its symbol is defined (not in Release builds), so it proves nothing", Message(diagnostics[1]));
    }

    // ---- a throwing check in finally ----

    [Fact]
    public Task Check_in_finally_holds_after_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try { Console.WriteLine(id); }
            finally { consent.Ensure<CommunityEntry>(id); }
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Check_in_finally_does_not_hold_inside_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            try { return {|FC0002:engine.Verify(frame, t)|}; }
            finally { consent.Ensure<CommunityEntry>(id); }
        }

        public bool EnterAfterPartialFinally(string id, Frame frame, Template t, bool night)
        {
            try { Console.WriteLine(id); }
            finally { if (night) consent.Ensure<CommunityEntry>(id); }
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    // ---- ?? throw ----

    [Fact]
    public Task Nullable_receipt_or_throw_holds_after_it() => Verify("""
        public bool Enter(IConsentResults results, string id, Frame frame, Template t)
        {
            var receipt = results.TryGetReceipt<CommunityEntry>(id) ?? throw new InvalidOperationException("no consent");
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public async Task Nullable_receipt_that_may_be_null_warns()
    {
        var diagnostics = await Verify("""
            public bool Enter(IConsentResults results, string id, Frame frame, Template t)
            {
                var receipt = results.TryGetReceipt<CommunityEntry>(id);
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public bool EnterDiscarded(IConsentResults results, string id, Frame frame, Template t)
            {
                results.TryGetReceipt<CommunityEntry>(id);
                return {|FC0002:engine.Verify(frame, t)|};
            }
            """);
        Assert.Contains("the result of 'IConsentResults.TryGetReceipt' is discarded, so it proves nothing", Message(diagnostics[1]));
    }

    // ---- infinite loops left by break ----

    [Theory]
    [InlineData("while (true)")]
    [InlineData("for (;;)")]
    public Task Infinite_loop_left_only_after_the_check(string loop) => Verify($$"""
        public bool Enter(string id, Frame frame, Template t)
        {
            {{loop}}
            {
                if (consent.Has<CommunityEntry>(id)) break;
                Console.WriteLine("waiting for consent");
            }

            return engine.Verify(frame, t);
        }
        """);

    [Theory]
    [InlineData("while (true)")]
    [InlineData("for (;;)")]
    public Task Infinite_loop_with_a_break_before_the_check_warns(string loop) => Verify($$"""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            {{loop}}
            {
                if (night) break;
                if (consent.Has<CommunityEntry>(id)) break;
            }

            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    // ---- goto ----

    [Fact]
    public Task Goto_around_the_use_and_back_to_the_check() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            if (!consent.Has<CommunityEntry>(id)) goto refuse;
            return engine.Verify(frame, t);
        refuse:
            return EnterWithCard(id);
        }

        public bool EnterRetrying(string id, Frame frame, Template t)
        {
        retry:
            if (!consent.Has<CommunityEntry>(id)) { Console.WriteLine("retry"); goto retry; }
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Goto_past_the_check_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            if (night) goto match;
            consent.Ensure<CommunityEntry>(id);
        match:
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    // ---- async: task-returning checks ----

    [Fact]
    public Task Awaited_task_returning_checks() => Verify("""
        public async Task<bool> EnterAsync(IConsentResults results, string id, Frame frame, Template t)
        {
            await results.EnsureAsync<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }

        public async Task<bool> EnterConfiguredAsync(IConsentResults results, string id, Frame frame, Template t)
        {
            await results.EnsureAsync<CommunityEntry>(id).ConfigureAwait(false);
            return engine.Verify(frame, t);
        }

        public async Task<bool> EnterIfAsync(IConsentResults results, string id, Frame frame, Template t)
        {
            if (await results.HasAsync<CommunityEntry>(id)) return engine.Verify(frame, t);
            var granted = await results.HasAsync<CommunityEntry>(id);
            if (!granted) return false;
            var receipt = await results.ReceiptAsync<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public async Task Task_returning_check_not_awaited_or_with_its_result_ignored_warns()
    {
        var diagnostics = await Verify("""
            public async Task<bool> DiscardedAsync(IConsentResults results, string id, Frame frame, Template t)
            {
                _ = results.EnsureAsync<CommunityEntry>(id);
                await Task.Yield();
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public bool NeverAwaited(IConsentResults results, string id, Frame frame, Template t)
            {
                results.EnsureAsync<CommunityEntry>(id);
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public async Task<bool> AwaitedLaterAsync(IConsentResults results, string id, Frame frame, Template t)
            {
                var pending = results.EnsureAsync<CommunityEntry>(id);
                await pending;
                return {|FC0002:engine.Verify(frame, t)|};
            }

            public async Task<bool> ResultIgnoredAsync(IConsentResults results, string id, Frame frame, Template t)
            {
                await results.HasAsync<CommunityEntry>(id);
                return {|FC0002:engine.Verify(frame, t)|};
            }
            """);
        Assert.Contains("'IConsentResults.EnsureAsync' returns a task that is not awaited where it is called, so it proves nothing", Message(diagnostics[0]));
        Assert.Contains("'IConsentResults.EnsureAsync' returns a task that is not awaited where it is called", Message(diagnostics[2]));
        Assert.Contains("the result of 'IConsentResults.HasAsync' is discarded, so it proves nothing", Message(diagnostics[3]));
    }

    // ---- await between check and use; iterators ----

    [Fact]
    public Task Await_between_the_check_and_the_use() => Verify("""
        public async Task<bool> EnterAsync(IConsentResults results, string id, Frame frame, Template t)
        {
            await results.EnsureAsync<CommunityEntry>(id);
            await Task.Delay(10);
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Await_between_the_use_and_the_check_warns() => Verify("""
        public async Task<bool> EnterAsync(IConsentResults results, string id, Frame frame, Template t)
        {
            var matched = {|FC0002:engine.Verify(frame, t)|};
            await Task.Delay(10);
            await results.EnsureAsync<CommunityEntry>(id);
            return matched;
        }
        """);

    [Fact]
    public Task Iterators_with_a_guard_or_an_awaited_check_first() => Verify("""
        public IEnumerable<int> Counts(string id, Frame[] frames)
        {
            if (!consent.Has<CommunityEntry>(id)) yield break;
            foreach (var frame in frames) yield return engine.CountFaces(frame);
        }

        public async IAsyncEnumerable<int> CountsAsync(IConsentResults results, string id, Frame[] frames)
        {
            await results.EnsureAsync<CommunityEntry>(id);
            foreach (var frame in frames) yield return engine.CountFaces(frame);
        }
        """);

    [Fact]
    public Task Iterator_yielding_before_the_check_in_a_loop_warns() => Verify("""
        public IEnumerable<int> Counts(string id, Frame[] frames)
        {
            foreach (var frame in frames)
            {
                yield return {|FC0002:engine.CountFaces(frame)|};
                consent.Ensure<CommunityEntry>(id);
            }
        }
        """);

    // ---- deferred code: lambdas in locals, fields, LINQ ----

    [Fact]
    public Task Lambda_in_a_local_called_only_after_the_check() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            Func<bool> match = () => engine.Verify(frame, t);
            consent.Ensure<CommunityEntry>(id);
            return match() && match.Invoke();
        }
        """);

    [Fact]
    public async Task Lambda_in_a_local_called_once_before_the_check_warns_and_says_why()
    {
        var diagnostics = await Verify("""
            public bool Enter(string id, Frame frame, Template t)
            {
                Func<bool> match = () => {|FC0002:engine.Verify(frame, t)|};
                var early = match();
                consent.Ensure<CommunityEntry>(id);
                return early && match();
            }
            """);
        Assert.Contains("it is in the lambda stored in 'match', which starts with the consent that holds at every call of it", Message(diagnostics[0]));
    }

    [Fact]
    public Task Lambda_stored_in_a_field_after_the_check() => Verify("""
        private Func<Frame, int>? _onFrame;

        public void Start(string id)
        {
            consent.Ensure<CommunityEntry>(id);
            _onFrame = frame => engine.CountFaces(frame);
        }

        public int Next(Frame frame) => _onFrame?.Invoke(frame) ?? 0;
        """);

    [Fact]
    public Task Lambda_stored_in_a_field_before_the_check_warns() => Verify("""
        private Func<Frame, int>? _onFrame;

        public void Start(string id)
        {
            _onFrame = frame => {|FC0002:engine.CountFaces(frame)|};
            consent.Ensure<CommunityEntry>(id);
        }
        """);

    [Fact]
    public Task Lambda_passed_to_linq_after_the_check() => Verify("""
        public int Count(string id, Frame[] frames)
        {
            consent.Ensure<CommunityEntry>(id);
            return frames.Select(frame => engine.CountFaces(frame)).Sum();
        }
        """);

    [Fact]
    public async Task Lambda_passed_to_linq_before_the_check_warns_and_says_why()
    {
        var diagnostics = await Verify("""
            public int Count(string id, Frame[] frames)
            {
                var counts = frames.Select(frame => {|FC0002:engine.CountFaces(frame)|});
                consent.Ensure<CommunityEntry>(id);
                return counts.Sum();
            }
            """);
        Assert.Equal(
            "'IFaceEngine.CountFaces' processes facial data, but no consent check for 'CommunityEntry' holds on every path before it: it is in a lambda created on line 15, and a lambda starts with the consent that holds where it is created, since it may be stored or passed on and run later (Measures, Article 6; PIPL, Article 29)",
            Message(diagnostics[0]));
    }

    // ---- several paths, several purposes ----

    [Fact]
    public Task Different_allowing_purposes_on_different_paths() => Verify("""
        [UsesFacialData<CommunityEntry>]
        [UsesFacialData<StaffAttendance>]
        public bool Enter(string id, Frame frame, Template t, bool staff)
        {
            if (staff) consent.Ensure<StaffAttendance>(id);
            else consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public async Task A_path_whose_purpose_does_not_allow_the_use_is_FC0006()
    {
        var diagnostics = await Verify("""
            [UsesFacialData<CommunityEntry>]
            [UsesFacialData<StaffAttendance>]
            public string? Identify(string id, Frame frame, bool staff)
            {
                if (staff) consent.Ensure<StaffAttendance>(id);
                else consent.Ensure<CommunityEntry>(id);
                return {|FC0006:engine.Identify(frame)|};
            }

            public bool Enter(string id, Frame frame, Template t, bool staff)
            {
                if (staff) consent.Ensure<StaffAttendance>(id);
                else consent.Ensure<CrowdCounting>(id);
                return {|FC0006:engine.Verify(frame, t)|};
            }
            """);
        Assert.Equal("'IFaceEngine.Identify' processes facial data and needs consent for 'StaffAttendance', but on some path before it consent was checked only for another purpose (Measures, Article 6)", Message(diagnostics[0]));
    }

    // ---- calling the implementation of a [FacialConsentCheck] interface member ----

    [Fact]
    public Task Implementation_of_a_check_is_a_check() => Verify("""
        public bool Enter(ConsentLedger ledger, string id, Frame frame, Template t)
        {
            ledger.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }

        public bool EnterIf(ConsentLedger ledger, string id, Frame frame, Template t) => ledger.Has<CommunityEntry>(id) && engine.Verify(frame, t);
        """);

    [Fact]
    public Task Other_members_of_the_implementation_are_not_checks_and_its_purpose_is_inherited() => Verify("""
        public bool Enter(ConsentLedger ledger, string id, Frame frame, Template t)
        {
            ledger.EnsureFresh<CommunityEntry>(id);
            return {|FC0002:engine.Verify(frame, t)|};
        }

        public bool EnterForAttendance(ConsentLedger ledger, string id, Frame frame, Template t)
            => ledger.HasAttendanceConsent(id) && {|FC0006:engine.Verify(frame, t)|};
        """);

    // ---- a [RequiresFacialConsent] layer with no purpose of its own ----

    [Fact]
    public Task Layer_without_a_purpose_needs_consent_for_its_callers_purpose() => AnalyzerTest.VerifyAsync("""
        using FaceCompliance;

        public class Kiosk(IFaceEngine engine)
        {
            [RequiresFacialConsent]
            public int Count(Frame frame) => {|FC0001:engine.CountFaces(frame)|};
        }

        [UsesFacialData<CrowdCounting>]
        public class Lobby(Kiosk kiosk, IConsentBook consent)
        {
            public int Count(string id, Frame frame)
            {
                consent.Ensure<CrowdCounting>(id);
                return kiosk.Count(frame);
            }

            public int CountForStaff(string id, Frame frame)
            {
                consent.Ensure<StaffAttendance>(id);
                return {|FC0006:kiosk.Count(frame)|};
            }
        }
        """);

    [Fact]
    public async Task Layer_without_a_purpose_cannot_pass_on_a_call_that_needs_one()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync("""
            using FaceCompliance;

            [UsesFacialData<CommunityEntry>]
            [NonBiometricAlternative(nameof(OpenWithCard))]
            public class Door(IFaceEngine engine)
            {
                [RequiresFacialConsent]
                public bool Match(Frame frame, Template t) => engine.Verify(frame, t);

                public bool OpenWithCard(string card) => card.Length > 0;
            }

            public class Kiosk(Door door, IConsentBook consent)
            {
                [RequiresFacialConsent]
                public bool Open(Frame frame, Template t) => {|FC0002:door.Match(frame, t)|};

                [RequiresFacialConsent]
                [UsesFacialData<CommunityEntry>]
                public bool OpenDeclared(Frame frame, Template t) => door.Match(frame, t);

                [RequiresFacialConsent]
                public bool OpenChecked(string id, Frame frame, Template t)
                {
                    consent.Ensure<CommunityEntry>(id);
                    return door.Match(frame, t);
                }
            }

            [UsesFacialData<StaffAttendance>]
            public class Office(Kiosk kiosk, IConsentBook consent)
            {
                public bool Enter(string id, Frame frame, Template t)
                {
                    consent.Ensure<StaffAttendance>(id);
                    return {|FC0006:kiosk.OpenDeclared(frame, t)|};
                }
            }
            """);
        Assert.Contains("'Open' moves consent to its callers with [RequiresFacialConsent] but declares no purpose, so they cannot know which consent this call needs", diagnostics[0].GetMessage(CultureInfo.InvariantCulture));
    }

    // ---- messages ----

    [Fact]
    public async Task Messages_name_a_requires_facial_consent_call_and_a_processing_call()
    {
        var diagnostics = await Verify("""
            [RequiresFacialConsent]
            public bool Match(Frame frame, Template t) => engine.Verify(frame, t);

            public bool EnterUnchecked(Frame frame, Template t) => {|FC0002:Match(frame, t)|};

            public bool EnterWrongPurpose(string id, Frame frame, Template t)
            {
                consent.Ensure<StaffAttendance>(id);
                return {|FC0006:Match(frame, t)|};
            }

            public bool EnterDirect(Frame frame, Template t) => {|FC0002:engine.Verify(frame, t)|};
            """);
        Assert.Equal(
            new[]
            {
                "'Gate.Match' is marked [RequiresFacialConsent], but no consent check for 'CommunityEntry' holds on every path before it (Measures, Article 6; PIPL, Article 29)",
                "'Gate.Match' is marked [RequiresFacialConsent] and needs consent for 'CommunityEntry', but on some path before it consent was checked only for 'StaffAttendance' (Measures, Article 6)",
                "'IFaceEngine.Verify' processes facial data, but no consent check for 'CommunityEntry' holds on every path before it (Measures, Article 6; PIPL, Article 29)",
            },
            diagnostics.Select(Message));
    }

    // ---- FC0005 versus FC0002/FC0006 ----

    [Fact]
    public async Task When_no_declared_purpose_allows_the_use_a_declared_or_allowing_purpose_satisfies_consent()
    {
        var diagnostics = await Verify("""
            public string? NoCheck(Frame frame) => {|FC0005:{|FC0002:engine.Identify(frame)|}|};

            public string? DeclaredPurposeChecked(string id, Frame frame)
            {
                consent.Ensure<CommunityEntry>(id);
                return {|FC0005:engine.Identify(frame)|};
            }

            public string? AllowingPurposeChecked(string id, Frame frame)
            {
                consent.Ensure<StaffAttendance>(id);
                return {|FC0005:engine.Identify(frame)|};
            }

            public string? UnrelatedPurposeChecked(string id, Frame frame)
            {
                consent.Ensure<CrowdCounting>(id);
                return {|FC0005:{|FC0006:engine.Identify(frame)|}|};
            }
            """);
        Assert.Contains("no consent check for 'CommunityEntry' or a purpose that allows Identification holds on every path", Message(diagnostics.Single(d => d.Id == "FC0002")));
    }
}
