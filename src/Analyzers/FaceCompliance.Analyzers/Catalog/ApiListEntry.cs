using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Catalog;

/// <summary>
/// One line of a facial-data API list: a documentation-comment id and the processing method, or
/// <c>NotProcessing</c> for a member that its type's whole-type entry would otherwise cover.
/// </summary>
internal sealed class ApiListEntry
{
    /// <summary>The text after <c>;</c> that names a member as not processing facial data.</summary>
    public const string NotProcessingKeyword = "NotProcessing";

    /// <summary>The flag after the method that marks an API as sending facial data off the device (FC0013).</summary>
    public const string OffDeviceKeyword = "OffDevice";

    /// <summary>The flag after the method that marks an API as providing facial data to another processor (FC0019).</summary>
    public const string ProvisionKeyword = "Provision";

    /// <summary>The field after the method that names what an AttributeAnalysis API estimates (FC0016), e.g. <c>Attributes=AgeBand,Gender</c>.</summary>
    public const string AttributesPrefix = "Attributes=";

    /// <summary>
    /// The field that makes a line's attributes conditional on an argument: <c>AttributesWhen=returnFaceAttributes</c>
    /// (the API estimates them only when that argument is given, as Azure Face's Detect does).
    /// </summary>
    public const string AttributesWhenPrefix = "AttributesWhen=";

    public ApiListEntry(string id, char kind, string simpleName, ProcessingMethod method, string path, int line, bool notProcessing = false, bool offDevice = false, bool provision = false, int attributes = 0, string? attributesWhen = null)
    {
        Attributes = attributes;
        AttributesWhen = attributesWhen;
        OffDevice = offDevice;
        Provision = provision;
        Id = id;
        Kind = kind;
        SimpleName = simpleName;
        Method = method;
        Path = path;
        Line = line;
        NotProcessing = notProcessing;
    }

    /// <summary>The documentation-comment id, e.g. <c>M:Acme.Face.Verify(System.Byte[])</c>.</summary>
    public string Id { get; }

    /// <summary>T, M, P, F or E.</summary>
    public char Kind { get; }

    /// <summary>The member's name (".ctor" for constructors), or the type's name for T: entries; a cheap filter before resolution.</summary>
    public string SimpleName { get; }

    public ProcessingMethod Method { get; }

    /// <summary>The line ends in <c>;NotProcessing</c>: the member is not a facial-data use, whatever its type's entry says.</summary>
    public bool NotProcessing { get; }

    /// <summary>The line ends in <c>;OffDevice</c>: the API sends facial data off the device, to a cloud service (FC0013).</summary>
    public bool OffDevice { get; }

    /// <summary>The line has <c>;Provision</c>: the API provides facial data to another personal information processor (FC0019).</summary>
    public bool Provision { get; }

    /// <summary>
    /// The <c>FacialAttributes</c> flags (<see cref="Profiles.LawValues"/>) the line's <c>;Attributes=</c> field names:
    /// what the API estimates (FC0016); 0 when the line names none.
    /// </summary>
    public int Attributes { get; }

    /// <summary>
    /// The parameter whose argument requests <see cref="Attributes"/> (<c>;AttributesWhen=</c>): a use that passes no
    /// argument for it, or <c>null</c>/<c>default</c>, estimates none. Null when the attributes are unconditional.
    /// </summary>
    public string? AttributesWhen { get; }

    public string Path { get; }

    public int Line { get; }
}

/// <summary>A problem with one line of a facial-data API list, reported as FC1001 at that line.</summary>
internal sealed class ApiListError
{
    public ApiListError(string path, int line, TextSpan span, string message)
    {
        Path = path;
        Line = line;
        Span = span;
        Message = message;
    }

    public string Path { get; }

    /// <summary>Zero-based line number.</summary>
    public int Line { get; }

    public TextSpan Span { get; }

    public string Message { get; }
}
