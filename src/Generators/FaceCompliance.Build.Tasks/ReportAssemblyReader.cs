using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using FaceCompliance.Reports;

namespace FaceCompliance.Build.Tasks;

/// <summary>
/// Reads the string constants of the generated report class (<see cref="ReportFiles.ClassNamespace"/>.<see
/// cref="ReportFiles.ClassName"/>) from a compiled assembly's metadata. Nothing is loaded or executed, and the file
/// is read into memory and closed at once, so the compiler or a later build is never blocked by it.
/// </summary>
internal static class ReportAssemblyReader
{
    /// <summary>Reads the report class's constants.</summary>
    /// <param name="assemblyPath">The compiled assembly.</param>
    /// <returns>
    /// Each <c>const string</c> field of the class by name (a null constant is left out), or null when the assembly
    /// has no such class.
    /// </returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="System.UnauthorizedAccessException">The file cannot be read.</exception>
    /// <exception cref="System.BadImageFormatException">The file is not a .NET assembly.</exception>
    public static IReadOnlyDictionary<string, string>? ReadConstants(string assemblyPath)
    {
        byte[] image = File.ReadAllBytes(assemblyPath);
        using var stream = new MemoryStream(image, writable: false);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new System.BadImageFormatException("The file has no .NET metadata.", assemblyPath);
        }

        MetadataReader metadata = pe.GetMetadataReader();
        foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
        {
            TypeDefinition type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil
                || !metadata.StringComparer.Equals(type.Name, ReportFiles.ClassName)
                || !metadata.StringComparer.Equals(type.Namespace, ReportFiles.ClassNamespace))
            {
                continue;
            }

            return ReadStringConstants(metadata, type);
        }

        return null;
    }

    private static Dictionary<string, string> ReadStringConstants(MetadataReader metadata, TypeDefinition type)
    {
        var constants = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (FieldDefinitionHandle handle in type.GetFields())
        {
            FieldDefinition field = metadata.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) == 0)
            {
                continue;
            }

            ConstantHandle constantHandle = field.GetDefaultValue();
            if (constantHandle.IsNil)
            {
                continue;
            }

            Constant constant = metadata.GetConstant(constantHandle);
            if (constant.TypeCode != ConstantTypeCode.String)
            {
                // A null string constant is stored as a null class reference: there is no text to write.
                continue;
            }

            // ECMA-335 II.22.9: a string constant's blob is its UTF-16LE code units, without a terminator.
            BlobReader blob = metadata.GetBlobReader(constant.Value);
            constants[metadata.GetString(field.Name)] = blob.ReadUTF16(blob.Length);
        }

        return constants;
    }
}
