using FaceCompliance.Methods;

namespace FaceCompliance;

/// <summary>
/// How facial information is processed. Measures Art. 19 distinguishes verifying a claimed identity (1:1,
/// 验证个人身份) from identifying a specific individual among many (1:N, 辨识特定个人); Art. 4-5 require the
/// processing method to be declared and to stay within the purpose.
/// </summary>
public enum FacialProcessingMethod
{
    /// <summary>Not declared. A purpose with this method is incomplete (FC0008).</summary>
    Unspecified = ProcessingMethodTable.Unspecified,

    /// <summary>
    /// Finding faces in an image without establishing who they are (人脸检测), including locating their landmarks (eyes,
    /// nose, mouth) and aligning them: a step of every other method, allowed by every purpose.
    /// </summary>
    Detection = ProcessingMethodTable.Detection,

    /// <summary>Deciding whether a face belongs to a live person present at the sensor (活体检测).</summary>
    Liveness = ProcessingMethodTable.Liveness,

    /// <summary>Estimating attributes of a face such as age or expression, without identifying the person.</summary>
    AttributeAnalysis = ProcessingMethodTable.AttributeAnalysis,

    /// <summary>1:1 verification: comparing a face with the one template of the identity it claims (验证个人身份).</summary>
    Verification = ProcessingMethodTable.Verification,

    /// <summary>1:N identification: searching a gallery of many people for the face (辨识特定个人).</summary>
    Identification = ProcessingMethodTable.Identification,
}
