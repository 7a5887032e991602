using System;

namespace FaceCompliance;

/// <summary>
/// A person's stored facial data cannot be read because the store's copy of their data key is damaged (it fails
/// authentication under the right master key). Their templates are lost; the message says what to do.
/// </summary>
public sealed class FacialDataDamagedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subjectId">The person whose data key is damaged.</param>
    /// <param name="message">What is damaged and what to do.</param>
    /// <param name="innerException">The authentication failure.</param>
    public FacialDataDamagedException(string subjectId, string message, Exception? innerException)
        : base(message, innerException) => SubjectId = subjectId;

    /// <summary>The person whose data key is damaged.</summary>
    public string SubjectId { get; }
}
