using System.Collections.Generic;
using FaceCompliance;

namespace CommunityAccess.Faces;

/// <summary>
/// The face operations the gate needs. Each member is a processing API: the analyzers require every caller to
/// declare a purpose that allows the member's method, to check consent first, and (for verification) to offer a
/// non-biometric alternative. Every implementation must carry the same attributes (FC0009).
/// </summary>
public interface IFaceEngine
{
    /// <summary>Finds the faces in an image, without telling whose they are (人脸检测).</summary>
    /// <param name="image">The camera frame.</param>
    /// <returns>The regions holding a face; empty when there is none.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    IReadOnlyList<FaceRegion> DetectFaces(PhotoFrame image);

    /// <summary>Derives the template of one face, to enrol a resident for 1:1 verification.</summary>
    /// <param name="image">The enrolment photo.</param>
    /// <param name="face">The face in it, from <see cref="DetectFaces"/>.</param>
    /// <returns>The face template.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    ThumbnailTemplate ExtractTemplate(PhotoFrame image, FaceRegion face);

    /// <summary>Compares the one face in a live image with one enrolled template (1:1, 验证个人身份).</summary>
    /// <param name="enrolled">The template of the resident the person claims to be.</param>
    /// <param name="probe">The live image.</param>
    /// <returns>Whether a face was found, and how similar it is to the template.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    FaceComparison Verify(ThumbnailTemplate enrolled, PhotoFrame probe);
}
