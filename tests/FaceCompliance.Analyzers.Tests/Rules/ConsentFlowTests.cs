using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0002 and FC0006: consent on every path (docs/semantics.md, "Flow analysis"). Each construct has a case that
/// warns and one that does not. Members are placed in a compliant gate class (Snippets.GateTemplate).
/// </summary>
public sealed class ConsentFlowTests
{
    private static Task Verify(string members) => AnalyzerTest.VerifyAsync(Snippets.InGate(members));

    [Fact]
    public Task Straight_line_check_before_the_use() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task No_check_warns() => Verify("""
        public bool Enter(Frame frame, Template t) => {|FC0002:engine.Verify(frame, t)|};
        """);

    [Fact]
    public Task Check_after_the_use_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            var ok = {|FC0002:engine.Verify(frame, t)|};
            consent.Ensure<CommunityEntry>(id);
            return ok;
        }
        """);

    [Fact]
    public Task Check_in_both_branches_holds_after_the_if() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            if (night) { consent.Ensure<CommunityEntry>(id); }
            else { consent.Ensure<CommunityEntry>(id); }
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Check_in_one_branch_warns_after_the_if() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            if (night) { consent.Ensure<CommunityEntry>(id); }
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Bool_check_in_the_if_condition() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            if (consent.Has<CommunityEntry>(id)) { return engine.Verify(frame, t); }
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Theory]
    [InlineData("!consent.Has<CommunityEntry>(id)")]
    [InlineData("consent.Has<CommunityEntry>(id) == false")]
    [InlineData("false == consent.Has<CommunityEntry>(id)")]
    [InlineData("consent.Has<CommunityEntry>(id) != true")]
    [InlineData("consent.Has<CommunityEntry>(id) is false")]
    [InlineData("consent.Has<CommunityEntry>(id) is not true")]
    [InlineData("!(consent.Has<CommunityEntry>(id) is true)")]
    public Task Early_return_on_a_negated_check(string refused) => Verify($$"""
        public bool Enter(string id, Frame frame, Template t)
        {
            if ({{refused}}) return EnterWithCard(id);
            return engine.Verify(frame, t);
        }
        """);

    [Theory]
    [InlineData("consent.Has<CommunityEntry>(id)")]
    [InlineData("consent.Has<CommunityEntry>(id) == true")]
    [InlineData("consent.Has<CommunityEntry>(id) is true")]
    public Task Early_return_on_a_positive_check_warns(string granted) => Verify($$"""
        public bool Enter(string id, Frame frame, Template t)
        {
            if ({{granted}}) return EnterWithCard(id);
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Early_throw_on_a_negated_check() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            if (!consent.Has<CommunityEntry>(id)) throw new InvalidOperationException("no consent");
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Short_circuit_and_ternary_conditions() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool open)
        {
            if (open && consent.Has<CommunityEntry>(id)) { return engine.Verify(frame, t); }
            if (open || consent.Has<CommunityEntry>(id)) { return {|FC0002:engine.Verify(frame, t)|}; }
            return consent.Has<CommunityEntry>(id) ? engine.Verify(frame, t) : EnterWithCard(id);
        }
        """);

    [Fact]
    public Task Bool_check_in_a_local_tested_later() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            var granted = consent.Has<CommunityEntry>(id);
            Console.WriteLine(id);
            if (!granted) return false;
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Bool_local_written_again_before_the_test_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t, bool night)
        {
            var granted = consent.Has<CommunityEntry>(id);
            granted = night;
            if (!granted) return false;
            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Switch_with_a_check_in_every_arm_including_default() => Verify("""
        public bool Enter(string id, Frame frame, Template t, int door)
        {
            switch (door)
            {
                case 1: consent.Ensure<CommunityEntry>(id); break;
                case 2: consent.Ensure<CommunityEntry>(id); break;
                default: throw new ArgumentOutOfRangeException(nameof(door));
            }

            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Switch_without_default_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t, int door)
        {
            switch (door)
            {
                case 1: consent.Ensure<CommunityEntry>(id); break;
                case 2: consent.Ensure<CommunityEntry>(id); break;
            }

            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Switch_expression_arms() => Verify("""
        public bool Enter(string id, Frame frame, Template t, int door) => door switch
        {
            1 => consent.Has<CommunityEntry>(id) && engine.Verify(frame, t),
            _ => {|FC0002:engine.Verify(frame, t)|},
        };
        """);

    [Fact]
    public Task Check_inside_a_while_body_does_not_hold_after_it_or_before_it() => Verify("""
        public int Scan(string id, Frame[] frames)
        {
            var i = 0;
            while (i < frames.Length)
            {
                _ = {|FC0002:engine.Verify(frames[i], new Template())|};
                consent.Ensure<CommunityEntry>(id);
                i++;
            }

            return {|FC0002:engine.CountFaces(frames[0])|};
        }
        """);

    [Fact]
    public Task Check_before_a_loop_holds_in_for_and_foreach_bodies() => Verify("""
        public int Scan(string id, Frame[] frames)
        {
            consent.Ensure<CommunityEntry>(id);
            var n = 0;
            for (var i = 0; i < frames.Length; i++) n += engine.CountFaces(frames[i]);
            foreach (var frame in frames) n += engine.CountFaces(frame);
            return n;
        }
        """);

    [Fact]
    public Task Check_inside_foreach_does_not_hold_after_it() => Verify("""
        public int Scan(string id, Frame[] frames)
        {
            foreach (var frame in frames) consent.Ensure<CommunityEntry>(id);
            return {|FC0002:engine.CountFaces(frames[0])|};
        }
        """);

    [Fact]
    public Task Check_inside_do_while_holds_after_it() => Verify("""
        public int Scan(string id, Frame[] frames)
        {
            var i = 0;
            do { consent.Ensure<CommunityEntry>(id); i++; } while (i < 3);
            return engine.CountFaces(frames[0]);
        }
        """);

    [Fact]
    public Task Check_result_overwritten_later_in_a_loop_body_proves_nothing_at_its_start() => Verify("""
        public int Scan(string id, Frame[] frames)
        {
            // Only the loop's back edge shows that 'granted' no longer holds the check's result in the next round:
            // the analysis must sweep the body again after the first sweep changed what flows along it.
            var granted = consent.Has<CommunityEntry>(id);
            var n = 0;
            for (var i = 0; i < frames.Length; i++)
            {
                if (granted) n += {|FC0002:engine.CountFaces(frames[i])|};
                granted = frames.Length > 10;
            }

            return n;
        }
        """);

    [Fact]
    public Task Check_in_try_holds_later_in_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
            catch (InvalidOperationException)
            {
                return EnterWithCard(id);
            }
        }
        """);

    [Fact]
    public Task Check_in_try_does_not_hold_in_catch_or_after_a_swallowing_catch() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try
            {
                consent.Ensure<CommunityEntry>(id);
            }
            catch (InvalidOperationException)
            {
                _ = {|FC0002:engine.CountFaces(frame)|};
            }

            return {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Catch_that_rethrows_keeps_the_check_after_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            try
            {
                consent.Ensure<CommunityEntry>(id);
            }
            catch (InvalidOperationException)
            {
                throw;
            }

            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Finally_starts_with_the_state_before_the_try() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<StaffAttendance>(id);
            try
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
            finally
            {
                _ = {|FC0006:engine.CountFaces(frame)|};
            }
        }
        """);

    [Fact]
    public Task Check_before_try_holds_in_finally() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            try { return engine.Verify(frame, t); }
            finally { _ = engine.CountFaces(frame); }
        }
        """);

    [Fact]
    public Task Lambda_created_after_the_check_inherits_it() => Verify("""
        public Func<Frame, bool> Matcher(string id, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            return frame => engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Lambda_created_before_the_check_warns() => Verify("""
        public Func<Frame, bool> Matcher(string id, Template t)
        {
            Func<Frame, bool> match = frame => {|FC0002:engine.Verify(frame, t)|};
            consent.Ensure<CommunityEntry>(id);
            return match;
        }
        """);

    [Fact]
    public Task Check_inside_the_lambda_body() => Verify("""
        public Func<Frame, bool> Matcher(string id, Template t) => frame =>
        {
            consent.Ensure<CommunityEntry>(id);
            return engine.Verify(frame, t);
        };
        """);

    [Fact]
    public Task Local_function_called_only_after_the_check() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            return Match() && Match();

            bool Match() => engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Local_function_called_once_before_the_check_warns() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            var early = Match();
            consent.Ensure<CommunityEntry>(id);
            return early && Match();

            bool Match() => {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Local_function_converted_to_a_delegate_before_the_check_warns() => Verify("""
        public Func<bool> Enter(string id, Frame frame, Template t)
        {
            Func<bool> later = Match;
            consent.Ensure<CommunityEntry>(id);
            return later;

            bool Match() => {|FC0002:engine.Verify(frame, t)|};
        }
        """);

    [Fact]
    public Task Local_functions_calling_each_other_after_the_check() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            return Outer();

            bool Outer() => Inner();
            bool Inner() => engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Local_function_never_called_warns() => Verify("""
        public bool Enter(string id)
        {
            consent.Ensure<CommunityEntry>(id);
            return true;

        #pragma warning disable CS8321
            bool Unused(Frame frame) => {|FC0002:engine.Verify(frame, new Template())|};
        #pragma warning restore CS8321
        }
        """);

    [Fact]
    public Task Async_check_before_an_await() => Verify("""
        public async Task<bool> EnterAsync(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            await Task.Yield();
            return engine.Verify(frame, t);
        }
        """);

    [Fact]
    public Task Async_check_after_the_use_warns() => Verify("""
        public async Task<bool> EnterAsync(string id, Frame frame, Template t)
        {
            var ok = {|FC0002:engine.Verify(frame, t)|};
            await Task.Yield();
            consent.Ensure<CommunityEntry>(id);
            return ok;
        }
        """);

    [Fact]
    public Task Iterator_check_before_the_loop() => Verify("""
        public IEnumerable<int> Counts(string id, Frame[] frames)
        {
            consent.Ensure<CommunityEntry>(id);
            foreach (var frame in frames) yield return engine.CountFaces(frame);
        }
        """);

    [Fact]
    public Task Iterator_use_before_the_check_warns() => Verify("""
        public IEnumerable<int> Counts(string id, Frame[] frames)
        {
            yield return {|FC0002:engine.CountFaces(frames[0])|};
            consent.Ensure<CommunityEntry>(id);
            yield return engine.CountFaces(frames[1]);
        }
        """);

    [Fact]
    public Task Receipt_from_a_check_and_receipt_arguments() => Verify("""
        public bool Enter(string id, Frame frame)
        {
            var receipt = consent.Receipt<CommunityEntry>(id);
            return engine.Verify(frame, receipt);
        }

        public bool EnterWith(ConsentReceipt<CommunityEntry> receipt, Frame frame) => engine.Verify(frame, receipt);
        """);

    [Fact]
    public Task Null_receipt_proves_nothing() => Verify("""
        public bool Enter(Frame frame) => {|FC0002:engine.Verify(frame, (ConsentReceipt<CommunityEntry>?)null)|};
        """);

    [Fact]
    public Task Consent_for_another_purpose_is_FC0006() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<StaffAttendance>(id);
            return {|FC0006:engine.Verify(frame, t)|};
        }

        public bool EnterByAttendanceFlag(string id, Frame frame, Template t)
            => consent.HasAttendanceConsent(id) && {|FC0006:engine.Verify(frame, t)|};
        """);

    [Fact]
    public Task Check_whose_purpose_cannot_be_determined_counts_for_every_purpose() => Verify("""
        public bool Enter(string id, Frame frame, Template t) => consent.HasAnyConsent(id) && engine.Verify(frame, t);
        """);

    [Fact]
    public Task Does_not_return_helper_ends_the_path() => Verify("""
        public bool Enter(string id, Frame frame, Template t)
        {
            if (!consent.Has<CommunityEntry>(id)) Refuse(id);
            return engine.Verify(frame, t);
        }

        public bool EnterWithoutNoReturn(string id, Frame frame, Template t)
        {
            if (!consent.Has<CommunityEntry>(id)) Log(id);
            return {|FC0002:engine.Verify(frame, t)|};
        }

        [DoesNotReturn]
        private static void Refuse(string id) => throw new InvalidOperationException(id);

        private static void Log(string id) => Console.WriteLine(id);
        """);

    [Fact]
    public Task Requires_facial_consent_moves_the_check_to_callers() => Verify("""
        [RequiresFacialConsent]
        public bool Match(Frame frame, Template t) => engine.Verify(frame, t);

        public bool Enter(string id, Frame frame, Template t)
        {
            consent.Ensure<CommunityEntry>(id);
            return Match(frame, t);
        }

        public bool EnterUnchecked(Frame frame, Template t) => {|FC0002:Match(frame, t)|};

        public bool EnterWrongPurpose(string id, Frame frame, Template t)
        {
            consent.Ensure<StaffAttendance>(id);
            return {|FC0006:Match(frame, t)|};
        }
        """);

    [Fact]
    public Task Check_as_an_argument_of_the_use_is_evaluated_first() => Verify("""
        public bool Enter(string id, Frame frame) => engine.Verify(frame, consent.Receipt<CommunityEntry>(id));

        public int Count(string id, Frame frame) => Math.Max({|FC0002:engine.CountFaces(frame)|}, Checked(id));

        private int Checked(string id) { consent.Ensure<CommunityEntry>(id); return 0; }
        """);
}
