using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;

// The test assembly serves China and the AI Act; ResidentSearch narrows itself to China, BannedVisitorReview to the AI Act.
[assembly: FaceCompliance.OperatesIn(FaceCompliance.Jurisdiction.CN)]
[assembly: FaceCompliance.OperatesIn(FaceCompliance.Jurisdiction.EU_AIACT)]

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>Post-remote identification of banned visitors in lobby footage: remote biometric identification under the AI Act (Annex III 1(a)).</summary>
[FacialDataPurpose(FacialProcessingMethod.Identification,
    DescriptionZh = "在大堂录像中辨识被禁止入内的访客。", DescriptionEn = "Recognise banned visitors in lobby footage.",
    NecessityZh = "保护住户。", NecessityEn = "Protect residents.", ImpactZh = "1:N。", ImpactEn = "1:N.",
    AlternativeZh = "前台核对。", AlternativeEn = "Desk check.", RetentionDays = 30,
    IdentificationMode = FacialIdentificationMode.PostRemote, Jurisdictions = new[] { Jurisdiction.EU_AIACT })]
public sealed partial class BannedVisitorReview
{
}

/// <summary>
/// EU AI Act Art. 14(5) and 12(3) on the scene photographs: a 1:N search under a remote-identification purpose gives no
/// identity until two different people confirm the match, and the use, the reference database, the input that led to
/// each match and the confirming people are in the audit trail of a real SQLite store.
/// </summary>
public sealed class RemoteIdentificationTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void The_generator_marks_only_the_AI_Act_remote_purpose_for_two_person_confirmation()
    {
        Assert.True(BannedVisitorReview.Info.RequiresTwoPersonConfirmation);
        Assert.False(ResidentSearch.Info.RequiresTwoPersonConfirmation);
    }

    [Fact]
    public void A_plain_search_under_a_remote_identification_purpose_is_refused()
    {
        using var matcher = Enrolled(out var people);
        var probe = Template(Probes(people)[0].Name);

        var single = Assert.Throws<InvalidOperationException>(() => matcher.Identify(probe));
        var batch = Assert.Throws<InvalidOperationException>(() => matcher.IdentifyBatch([probe]));

        Assert.Contains("two people confirm it (Art. 14(5))", single.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteIdentificationSession", batch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_gives_the_subject_only_after_two_different_people_confirm_it_and_every_step_is_logged()
    {
        using var matcher = Enrolled(out var people);
        var (person, name) = Probes(people)[0];
        var before = _test.Store.Audit.Read(max: 10_000).Count;

        ConfirmedIdentification confirmed;
        string sessionId;
        using (var session = new RemoteIdentificationSession<BannedVisitorReview>(matcher, _test.Store.Audit, "lobby-banned-list"))
        {
            sessionId = session.Id;
            var match = Assert.Single(session.Identify(Template(name), inputReference: "cam2/frame-81734"));
            Assert.DoesNotContain(person, match.ToString(), StringComparison.Ordinal);
            var once = match.Confirm("alice");
            Assert.DoesNotContain(person, once.ToString(), StringComparison.Ordinal);
            confirmed = once.Confirm("bob");
        }

        Assert.Equal((person, "cam2/frame-81734", "alice", "bob"), (confirmed.SubjectId, confirmed.InputReference, confirmed.FirstConfirmedBy, confirmed.SecondConfirmedBy));
        Assert.True(confirmed.Similarity >= FaceMatchThreshold.Default);
        var records = _test.Store.Audit.Read(max: 10_000).Skip(before).ToList();
        Assert.Equal(
            [AuditAction.IdentificationUseStarted, AuditAction.Identified, AuditAction.IdentificationConfirmed, AuditAction.IdentificationConfirmed, AuditAction.IdentificationUseEnded],
            records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal(BannedVisitorReview.Info.Id, r.PurposeId));
        Assert.All(records, r => Assert.StartsWith($"session={sessionId};", r.Detail, StringComparison.Ordinal));
        Assert.Contains("reference database=lobby-banned-list", records[0].Detail, StringComparison.Ordinal);
        Assert.Equal(person, records[1].SubjectId);
        Assert.Contains("reference database=lobby-banned-list; input=cam2/frame-81734", records[1].Detail, StringComparison.Ordinal);
        Assert.Contains("confirmed by=alice; confirmation 1 of 2", records[2].Detail, StringComparison.Ordinal);
        Assert.Contains("confirmed by=bob; confirmation 2 of 2", records[3].Detail, StringComparison.Ordinal);
        Assert.Contains("searches=1; candidates=1", records[4].Detail, StringComparison.Ordinal);
        Assert.True(_test.Store.Audit.Verify().IsValid);
    }

    [Fact]
    public void The_same_person_cannot_confirm_twice_and_a_stranger_gives_no_match()
    {
        using var matcher = Enrolled(out var people, leaveOut: 1);
        var probes = Probes(people.Append(Outsider()).ToList());
        var (_, known) = probes.First(p => p.Person != Outsider());
        var (_, stranger) = probes.First(p => p.Person == Outsider());
        using var session = new RemoteIdentificationSession<BannedVisitorReview>(matcher, _test.Store.Audit, "lobby-banned-list");
        var once = Assert.Single(session.Identify(Template(known), "frame-1")).Confirm("Alice");
        var confirmations = Count(AuditAction.IdentificationConfirmed);

        var again = Assert.Throws<ArgumentException>(() => once.Confirm(" alice "));

        Assert.Contains("a second, different person must confirm it", again.Message, StringComparison.Ordinal);
        Assert.Equal(confirmations, Count(AuditAction.IdentificationConfirmed));
        Assert.Empty(session.Identify(Template(stranger), "frame-2"));
    }

    [Fact]
    public void An_ended_use_searches_no_more_and_is_logged_ended_once()
    {
        using var matcher = Enrolled(out var people);
        var session = new RemoteIdentificationSession<BannedVisitorReview>(matcher, _test.Store.Audit, "lobby-banned-list");

        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Identify(Template(Probes(people)[0].Name), "frame-3"));
        Assert.Equal(1, Count(AuditAction.IdentificationUseEnded));
        Assert.Throws<ArgumentException>(() => new RemoteIdentificationSession<BannedVisitorReview>(matcher, _test.Store.Audit, " "));
    }

    [Fact]
    public void The_confirmation_types_expose_no_identity()
    {
        foreach (var type in new[] { typeof(UnconfirmedIdentification), typeof(SingleConfirmedIdentification) })
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.Name.Contains("Subject", StringComparison.Ordinal));
            Assert.DoesNotContain(type.GetProperties(), p => p.PropertyType == typeof(FaceIdentification));
        }

        Assert.Empty(typeof(ConfirmedIdentification).GetConstructors());
    }

    public void Dispose() => _test.Dispose();

    private int Count(AuditAction action) => _test.Store.Audit.Read(max: 10_000).Count(r => r.Action == action);

    private FaceMatcher<BannedVisitorReview> Enrolled(out List<string> people, int leaveOut = 0)
    {
        people = ScenePeople().SkipLast(leaveOut).ToList();
        var matcher = new FaceMatcher<BannedVisitorReview>(_test.Consents);
        foreach (var person in people)
        {
            matcher.Enroll(_test.Grant<BannedVisitorReview>(person), Template(person + "_1"));
        }

        return matcher;
    }

    private static string Outsider() => ScenePeople()[^1];

    private static List<string> ScenePeople() => ScenePhotos().Where(n => n.EndsWith("_1", StringComparison.Ordinal))
        .Select(n => n[..n.LastIndexOf('_')]).Order(StringComparer.Ordinal).ToList();

    private static List<(string Person, string Name)> Probes(IReadOnlyCollection<string> people) => ScenePhotos()
        .Where(n => !n.EndsWith("_1", StringComparison.Ordinal))
        .Select(n => (Person: n[..n.LastIndexOf('_')], Name: n))
        .Where(p => people.Contains(p.Person))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToList();

    private static IEnumerable<string> ScenePhotos() => Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm")
        .Select(p => Path.GetFileNameWithoutExtension(p)!)
        .Where(n => !n.StartsWith("group_", StringComparison.Ordinal) && n != "noface_white" && !n.StartsWith("partial_", StringComparison.Ordinal));

    private FaceTemplate Template(string scene) => new(fixture.EmbedLargest(PipelineFixture.Scene(scene)));
}
