namespace FaceCompliance;

/// <summary>
/// Where facial information is kept. Measures Art. 8 §1: unless a law says otherwise or the person gave
/// separate consent, face information stays inside the face recognition device and is not sent over the internet.
/// </summary>
public enum FacialDataStorage
{
    /// <summary>Stored only inside the face recognition device (存储于人脸识别设备内); the legal default.</summary>
    OnDevice = 0,

    /// <summary>Stored on a server reached over a network; needs separate consent or a legal basis (Art. 8 §1).</summary>
    Server = 1,
}
