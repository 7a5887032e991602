using System;
using System.Collections.Generic;
using CommunityAccess.Residents;
using FaceCompliance;
using FaceCompliance.Vision;

namespace CommunityAccess.Gate;

/// <summary>
/// The gate device's face engine, addressed by resident: FaceCompliance's <see cref="FaceRecognizer"/> (detect,
/// align, embed on the device) and template store (encrypted templates, 1:1 comparison), each given the resident's
/// consent receipt, which they check again before touching a pixel or a template.
/// </summary>
/// <remarks>
/// Each method is marked with the processing it performs, like the runtime's own APIs, so the analyzers hold its
/// callers (<see cref="GateController"/>) to a consent check on every path and to a purpose that allows it.
/// </remarks>
public sealed class GateFaceEngine
{
    private readonly FaceRecognizer recognizer;
    private readonly IFaceTemplateStore templates;
    private readonly ResidentConsents residents;

    /// <summary>Creates the engine.</summary>
    /// <param name="recognizer">The on-device recognizer.</param>
    /// <param name="templates">The encrypted template store.</param>
    /// <param name="residents">The residents' current receipts, looked up in the store.</param>
    public GateFaceEngine(FaceRecognizer recognizer, IFaceTemplateStore templates, ResidentConsents residents)
    {
        this.recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        this.templates = templates ?? throw new ArgumentNullException(nameof(templates));
        this.residents = residents ?? throw new ArgumentNullException(nameof(residents));
    }

    /// <summary>The faces in a camera frame, best first.</summary>
    /// <param name="residentId">The resident claimed.</param>
    /// <param name="frame">The frame.</param>
    /// <returns>The faces found.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<DetectedFace> DetectFaces(string residentId, FaceImage frame)
        => recognizer.DetectFaces(residents.ReceiptOf<CommunityEntry>(residentId), frame);

    /// <summary>
    /// Checks that an enrolment photo shows one face good enough to match later (size, detector score, sharpness,
    /// pose, exposure), extracts its template and stores it, encrypted, for the resident.
    /// </summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="photo">A photo of the resident alone.</param>
    /// <returns>The id the store gave the template.</returns>
    /// <exception cref="FaceNotFoundException">The photo holds no face, or several.</exception>
    /// <exception cref="FaceQualityException">The face is too small, blurred, turned or badly lit; the message says which, with the measured value and the limit.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public string Enrol(string residentId, FaceImage photo)
    {
        ConsentReceipt<CommunityEntry> receipt = residents.ReceiptOf<CommunityEntry>(residentId);
        return templates.Enroll(receipt, recognizer.ExtractEnrollmentTemplate(receipt, photo));
    }

    /// <summary>Compares the face in a frame with the resident's own enrolled templates (1:1) and returns the best cosine similarity.</summary>
    /// <param name="residentId">The resident claimed.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="threshold">The similarity the gate requires, recorded with the comparison in the audit trail.</param>
    /// <param name="allowSeveral">Compare the primary face (the largest of the best-scored) when several people are in view; otherwise several people are an error.</param>
    /// <returns>The similarity, -1 to 1; the same person scores at least <see cref="FaceMatchThreshold.Default"/>.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public float Compare(string residentId, FaceImage frame, float threshold, bool allowSeveral = false)
    {
        ConsentReceipt<CommunityEntry> receipt = residents.ReceiptOf<CommunityEntry>(residentId);
        return templates.Verify(receipt, recognizer.ExtractTemplate(receipt, frame, allowSeveral), threshold).Similarity;
    }
}
