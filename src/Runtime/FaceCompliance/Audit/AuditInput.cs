using System;
using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>The checks <see cref="AuditChain"/> applies to the fields of a record before it writes it.</summary>
internal static class AuditInput
{
    public static void Actor(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new ArgumentException("The actor must name the operator or device that performed the operation; it is empty.", nameof(actor));
        }

        Text(actor, AuditChain.MaxIdentifierLength, nameof(actor));
    }

    public static void Optional(string? value, int maxLength, string parameterName)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' is empty; pass null when there is none.", parameterName);
        }

        Text(value, maxLength, parameterName);
    }

    public static void Defined<TEnum>(TEnum value, string parameterName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{value} is not a defined {typeof(TEnum).Name}.");
        }
    }

    private static void Text(string value, int maxLength, string parameterName)
    {
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"'{parameterName}' has {value.Length} characters; at most {maxLength} are allowed.", parameterName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"'{parameterName}' contains the control character U+{(int)c:X4} at index {i}; audit text must be a single line of printable characters.", parameterName);
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"'{parameterName}' contains a lone UTF-16 surrogate U+{(int)c:X4} at index {i}; it has no UTF-8 form.", parameterName);
            }
        }
    }
}
