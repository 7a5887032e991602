using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FaceCompliance.Vision.Tests.Pipeline;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Calibration;

/// <summary>
/// Every face of the shared photographs with the person it shows: the 40 identity crops (padded into a 320x240 frame)
/// and every face the detector finds in the scenes. A scene's person is the name before its last _N (partial_obama:
/// obama). Faces in group photos are assigned by position, from looking at the photos, never from their scores.
/// </summary>
internal static partial class SharedPhotos
{
    // (scene, a point inside the face's box, who it is). group_faces is the cast of the identity crops (not howard or
    // stuart); group_two_people is obama and biden side by side; the girl in group_obama_biden is nobody else here.
    private static readonly (string Scene, float X, float Y, string Person)[] GroupFaces =
    [
        ("group_obama_biden", 270, 165, "biden"),
        ("group_obama_biden", 395, 150, "obama"),
        ("group_obama_biden", 545, 365, "girl_in_group_obama_biden"),
        ("group_kit_harington_rose_leslie", 105, 140, "rose_leslie"),
        ("group_kit_harington_rose_leslie", 278, 128, "kit_harington"),
        ("group_two_people", 178, 70, "obama"),
        ("group_two_people", 490, 85, "biden"),
        ("group_faces", 115, 68, "amy"),
        ("group_faces", 249, 88, "raj"),
        ("group_faces", 558, 106, "bernadette"),
        ("group_faces", 459, 212, "sheldon"),
        ("group_faces", 90, 285, "leonard"),
        ("group_faces", 267, 255, "penny"),
    ];

    /// <summary>The 69 labelled templates: 40 identity crops, then the scenes' faces in file order.</summary>
    public static IReadOnlyList<LabelledTemplate> Templates(PipelineFixture fixture)
    {
        var templates = fixture.Identities.Select(i => new LabelledTemplate(i.Person, new FaceTemplate(fixture.EmbedLargest(i.Image)))).ToList();
        foreach (var path in Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm").Order(StringComparer.Ordinal))
        {
            var scene = Path.GetFileNameWithoutExtension(path);
            using var image = PpmReader.ReadFile(path);
            var boxes = fixture.Analyzer.Detect(image);
            foreach (var box in boxes)
            {
                var person = scene.StartsWith("group_", StringComparison.Ordinal)
                    ? GroupFaces.Single(g => g.Scene == scene && g.X >= box.Left && g.X <= box.Right && g.Y >= box.Top && g.Y <= box.Bottom).Person
                    : scene == "partial_obama" ? "obama" : NumberSuffix().Replace(scene, string.Empty);
                templates.Add(new LabelledTemplate(person, new FaceTemplate(fixture.Analyzer.Embed(image, fixture.Analyzer.FivePoints(image, box)))));
            }
        }

        return templates;
    }

    [GeneratedRegex("_[0-9]+$")]
    private static partial Regex NumberSuffix();
}
