using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;

namespace FaceCompliance.Vision.Onnx;

/// <summary>
/// Reads the embedded face models and checks each against its recorded SHA-256 before anything uses it: once per
/// model per process (an assembly's embedded resources cannot change while it is loaded).
/// </summary>
internal static class ModelStore
{
    private static readonly ConcurrentDictionary<string, bool> Verified = new(StringComparer.Ordinal);

    /// <summary>The model's bytes, verified.</summary>
    /// <exception cref="InvalidOperationException">The model is not embedded in this assembly.</exception>
    /// <exception cref="InvalidDataException">The embedded bytes do not have the recorded SHA-256.</exception>
    public static byte[] Load(FaceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Assembly assembly = typeof(ModelStore).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(model.ResourceName)
            ?? throw new InvalidOperationException(
                $"The face model {model.FileName} is not embedded in {assembly.GetName().Name} (resource '{model.ResourceName}'). "
                + "The build embeds the models it fetches from npm; see docs/third-party.md.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (!Verified.ContainsKey(model.FileName))
        {
            Verify(model, bytes);
            Verified.TryAdd(model.FileName, true);
        }
        return bytes;
    }

    /// <summary>Throws unless <paramref name="bytes"/> have the model's recorded SHA-256.</summary>
    /// <exception cref="InvalidDataException">They do not.</exception>
    public static void Verify(FaceModel model, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        string actual = Convert.ToHexStringLower(hash);
        if (!string.Equals(actual, model.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"The face model {model.FileName} failed its integrity check: its SHA-256 is {actual} ({bytes.Length:N0} bytes), "
                + $"but FaceCompliance records {model.Sha256} ({model.Length:N0} bytes; src/Runtime/FaceCompliance.Vision/Models/MODELS.md). "
                + "The model was changed or replaced; it is not loaded.");
        }
    }
}
