using System.IO;
using FaceCompliance;

namespace NonCompliant;

/// <summary>A gate that keeps every enrolment photo on disk under a purpose that keeps templates only.</summary>
[UsesFacialData<GateEntry>]
public sealed class EnrolmentArchive
{
    /// <summary>Archives the enrolment photo of one resident.</summary>
    /// <param name="personId">The resident enrolled.</param>
    /// <param name="image">The enrolment photo.</param>
    public static void Archive(string personId, FaceImage image)
    {
        // FC0014: GateEntry does not declare RetainsImages, so its notice does not say that face images are kept, yet
        // the photo's pixels are written to a file (Measures Art. 8; PIPL Art. 47).
        File.WriteAllBytes(personId + ".rgb", image.Pixels.ToArray()); // expect FC0014
    }
}
