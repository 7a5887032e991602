using System;

namespace FaceCompliance;

/// <summary>Checks the ids that name people, guardians and actors in receipts, stores and the audit trail.</summary>
public static class SubjectId
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Throws unless <paramref name="id"/> is 1 to 128 characters without control characters.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long or holds a control character.</exception>
    public static string Validate(string? id, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id must not be empty.", parameterName);
        }

        if (id.Length > MaxLength)
        {
            throw new ArgumentException($"An id is at most {MaxLength} characters; this one has {id.Length}.", parameterName);
        }

        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"An id must not contain control characters (found U+{(int)c:X4}).", parameterName);
            }
        }

        return id;
    }
}
