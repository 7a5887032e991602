using System.IO;
using System.Linq;
using Xunit;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>Face counts on the shared scene photographs, with the real detector.</summary>
public sealed class DetectionTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    public static TheoryData<string> SinglePersonScenes => new(Directory
        .GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => !n!.StartsWith("group_", System.StringComparison.Ordinal) && n != "noface_white")
        .Order(System.StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SinglePersonScenes))]
    public void A_single_person_photo_has_exactly_one_face(string scene)
    {
        Assert.Single(fixture.Analyzer.Detect(PipelineFixture.Scene(scene)));
    }

    [Theory]
    [InlineData("group_two_people", 2, 2)]
    [InlineData("group_kit_harington_rose_leslie", 2, 2)]
    [InlineData("group_obama_biden", 2, int.MaxValue)]
    [InlineData("group_faces", 5, int.MaxValue)]
    [InlineData("noface_white", 0, 0)]
    public void Group_and_empty_photos_have_the_expected_number_of_faces(string scene, int atLeast, int atMost)
    {
        var faces = fixture.Analyzer.Detect(PipelineFixture.Scene(scene));

        Assert.InRange(faces.Count, atLeast, atMost);
        Assert.All(faces, f => Assert.True(f.Score >= NonMaximumSuppression.DefaultScoreThreshold));
    }

    [Fact]
    public void Faces_come_best_score_first_and_lie_inside_the_image()
    {
        var image = PipelineFixture.Scene("group_faces");
        var faces = fixture.Analyzer.Detect(image);

        Assert.Equal(faces.OrderByDescending(f => f.Score).ToList(), faces);
        Assert.All(faces, f => Assert.True(f.CenterX > 0 && f.CenterX < image.Width && f.CenterY > 0 && f.CenterY < image.Height));
    }
}
