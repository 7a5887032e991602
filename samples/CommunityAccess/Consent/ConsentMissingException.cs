using System;

namespace CommunityAccess.Consent;

/// <summary>Thrown when face information would be processed without the person's separate consent for the purpose.</summary>
public sealed class ConsentMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConsentMissingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is missing.</param>
    public ConsentMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public ConsentMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
