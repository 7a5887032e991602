namespace FaceCompliance;

/// <summary>What a person asks for in a data subject request (GDPR Chapter III).</summary>
public enum DataSubjectRequestKind
{
    /// <summary>Access to the data held about them (GDPR Art. 15), answered with <see cref="IDataSubjectRequests.AnswerAccess"/>.</summary>
    Access = 0,

    /// <summary>Erasure of their data (GDPR Art. 17), answered with <see cref="IDataSubjectRequests.AnswerErasure"/>.</summary>
    Erasure = 1,
}
