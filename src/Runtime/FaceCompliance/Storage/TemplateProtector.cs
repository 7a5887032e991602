using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Storage;

/// <summary>
/// Encrypts face templates at rest (Measures Art. 14) with AES-256-GCM under a data key of their own person. Each
/// data key is stored only wrapped (encrypted) under the key-wrapping key; deleting it makes every copy of that
/// person's templates unreadable, including copies in backups and free pages (crypto-shredding). The associated data
/// binds each ciphertext to its person, purpose and template id, so a ciphertext moved to another row fails to decrypt.
/// A building block for store implementations: its template methods are marked <see cref="ProcessesFacialDataAttribute"/>,
/// so application code that calls them directly must declare a purpose and check consent like any other processing.
/// </summary>
public sealed class TemplateProtector(FacialDataKeys keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _wrappingKey = keys.KeyWrappingKey.ToArray();

    /// <summary>A new random data key for a person, wrapped for storage.</summary>
    public byte[] NewWrappedSubjectKey(string subjectId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            return Seal(_wrappingKey, key, SubjectKeyAssociatedData(subjectId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Encrypts a template under the person's wrapped data key.</summary>
    /// <exception cref="FacialDataDamagedException">The person's wrapped data key fails authentication.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public byte[] Encrypt(ReadOnlySpan<byte> wrappedSubjectKey, string subjectId, string purposeId, string templateId, FaceTemplate template)
    {
        var key = UnwrapSubjectKey(wrappedSubjectKey, subjectId);
        try
        {
            return Seal(key, MemoryMarshal.AsBytes(template.Values), AssociatedData(subjectId, purposeId, templateId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts a template.</summary>
    /// <exception cref="CryptographicException">The ciphertext or its binding to person, purpose and id was altered.</exception>
    /// <exception cref="FacialDataDamagedException">The person's wrapped data key fails authentication.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate Decrypt(ReadOnlySpan<byte> wrappedSubjectKey, string subjectId, string purposeId, string templateId, ReadOnlySpan<byte> ciphertext)
    {
        var key = UnwrapSubjectKey(wrappedSubjectKey, subjectId);
        try
        {
            var plain = Open(key, ciphertext, AssociatedData(subjectId, purposeId, templateId));
            try
            {
                return new FaceTemplate(MemoryMarshal.Cast<byte, float>(plain));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The person's data key wrapped again under <paramref name="target"/>'s wrapping key (master key rotation); the
    /// templates encrypted under the data key stay as they are.
    /// </summary>
    /// <exception cref="FacialDataDamagedException">The wrapped key fails authentication under this protector's key.</exception>
    internal byte[] RewrapSubjectKey(ReadOnlySpan<byte> wrappedSubjectKey, string subjectId, TemplateProtector target)
    {
        var key = UnwrapSubjectKey(wrappedSubjectKey, subjectId);
        try
        {
            return Seal(target._wrappingKey, key, SubjectKeyAssociatedData(subjectId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private byte[] UnwrapSubjectKey(ReadOnlySpan<byte> wrapped, string subjectId)
    {
        try
        {
            return Open(_wrappingKey, wrapped, SubjectKeyAssociatedData(subjectId));
        }
        catch (CryptographicException error)
        {
            throw new FacialDataDamagedException(subjectId,
                $"The data key of subject '{subjectId}' is damaged: its wrapped form in the store fails authentication (AES-GCM), "
                + "so none of this person's templates can be decrypted, by this application or anyone else. The master key is right "
                + "(the store checked it at open). Delete the person's facial data (DeleteSubject or EndRelationship) and enrol them again; "
                + "restore the store from a backup if the damage is wider.", error);
        }
    }

    private static byte[] SubjectKeyAssociatedData(string subjectId) => Encoding.UTF8.GetBytes("subject-key\n" + subjectId);

    private static byte[] AssociatedData(string subjectId, string purposeId, string templateId) =>
        Encoding.UTF8.GetBytes("template\n" + subjectId + "\n" + purposeId + "\n" + templateId);

    private static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), associatedData);
        return sealedBytes;
    }

    private static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, byte[] associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted value is too short to be AES-GCM output.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
