using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>The 1:1 entry point, photo in and <see cref="FaceVerification"/> out, with the real models and a real store.</summary>
public sealed class FaceVerifierTests : IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void Enrolled_photos_verify_the_same_person_with_the_best_similarity_and_refuse_another()
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var verifier = new FaceVerifier<GateCheck>(recognizer, _test.Store.Templates);
        var obama = _test.Grant<GateCheck>("obama");
        verifier.Enroll(obama, PipelineFixture.Scene("obama_1"));
        verifier.Enroll(obama, PipelineFixture.Scene("obama_3"));

        var same = verifier.Verify(obama, PipelineFixture.Scene("obama_2"));
        var other = verifier.Verify(obama, PipelineFixture.Scene("biden_1"));

        var probe = recognizer.ExtractTemplate(obama, PipelineFixture.Scene("obama_2"));
        var best = new[] { "obama_1", "obama_3" }.Max(photo => recognizer.ExtractTemplate(obama, PipelineFixture.Scene(photo)).CosineSimilarity(probe));
        Assert.Equal(best, same.Similarity, 5);
        Assert.Equal(FaceMatchThreshold.Default, same.Threshold);
        Assert.True(same.IsMatch, $"obama_2 scored {same.Similarity:0.000}");
        Assert.False(other.IsMatch, $"biden_1 scored {other.Similarity:0.000}");
        Assert.Equal(2, _test.Store.Audit.Read().Count(r => r.Action == AuditAction.Verified));
    }

    [Fact]
    public void Consent_is_checked_before_any_photo_is_read_and_a_person_without_templates_is_refused()
    {
        var verifier = new FaceVerifier<GateCheck>(new FaceRecognizer(_test.Consents), _test.Store.Templates);
        var raj = _test.Grant<GateCheck>("raj");

        var notEnrolled = Assert.Throws<KeyNotFoundException>(() => verifier.Verify(raj, PipelineFixture.Scene("obama_1")));
        _test.Store.Consents.Withdraw<GateCheck>("raj");
        var enrol = Assert.Throws<ConsentRequiredException>(() => verifier.Enroll(raj, PipelineFixture.Scene("obama_1")));
        var verify = Assert.Throws<ConsentRequiredException>(() => verifier.Verify(raj, PipelineFixture.Scene("obama_1")));

        Assert.Contains("has no template for purpose", notEnrolled.Message, StringComparison.Ordinal);
        Assert.Equal(ConsentRejection.Withdrawn, enrol.Reason);
        Assert.Equal(ConsentRejection.Withdrawn, verify.Reason);
        Assert.Equal(0, _test.Store.Templates.PeopleStored);
    }

    [Fact]
    public void Options_set_the_threshold_and_whether_the_primary_face_of_a_group_is_compared()
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var obama = _test.Grant<GateCheck>("obama");
        new FaceVerifier<GateCheck>(recognizer, _test.Store.Templates).Enroll(obama, PipelineFixture.Scene("obama_1"));
        var strict = new FaceVerifier<GateCheck>(recognizer, _test.Store.Templates);
        var gate = new FaceVerifier<GateCheck>(recognizer, _test.Store.Templates, new FaceVerifierOptions { Threshold = 0.99f, UsePrimaryFace = true });

        var several = Assert.Throws<FaceNotFoundException>(() => strict.Verify(obama, PipelineFixture.Scene("group_two_people")));
        var primary = gate.Verify(obama, PipelineFixture.Scene("group_two_people"));
        var high = gate.Verify(obama, PipelineFixture.Scene("obama_2"));

        Assert.Equal(2, several.FacesFound);
        Assert.Equal(0.99f, primary.Threshold);
        Assert.False(high.IsMatch, $"obama_2 scored {high.Similarity:0.000}, not 0.99");
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceVerifier<GateCheck>(recognizer, _test.Store.Templates, new FaceVerifierOptions { Threshold = 2f }));
        Assert.Throws<FaceNotFoundException>(() => strict.Enroll(obama, PipelineFixture.Scene("group_two_people")));
    }

    public void Dispose() => _test.Dispose();
}
