using System;
using System.Collections.Generic;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Catalog;

/// <summary>
/// Parses API lists in the BannedSymbols.txt format: <c>&lt;doc-comment-id&gt;[;Method[;OffDevice][;Provision][;Attributes=AgeBand,...]]</c> or
/// <c>&lt;doc-comment-id&gt;;NotProcessing</c>, one per line, <c>//</c> starts a comment. Files are parsed in the order given; a repeated id is a duplicate of the first.
/// </summary>
internal sealed class ApiListParser
{
    private readonly Dictionary<string, ApiListEntry> _seen = new(StringComparer.Ordinal);

    public List<ApiListEntry> Entries { get; } = new();

    public List<ApiListError> Errors { get; } = new();

    /// <param name="path">The file's path, for messages and duplicate detection.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="refuseNotProcessing">Given the id of a <c>NotProcessing</c> line, why it is refused, or null.</param>
    public void Parse(string path, SourceText text, Func<string, string?>? refuseNotProcessing = null)
    {
        foreach (var line in text.Lines)
        {
            ParseLine(path, line.LineNumber, line.ToString(), line.Start, refuseNotProcessing);
        }
    }

    private void ParseLine(string path, int lineNumber, string lineText, int lineStart, Func<string, string?>? refuseNotProcessing)
    {
        var content = lineText;
        var comment = content.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0)
        {
            content = content.Substring(0, comment);
        }

        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        var span = new TextSpan(lineStart + content.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length);
        var separator = trimmed.IndexOf(';');
        var id = (separator < 0 ? trimmed : trimmed.Substring(0, separator)).Trim();
        var tail = separator < 0 ? string.Empty : trimmed.Substring(separator + 1);
        var fields = tail.Split(';');
        var methodText = fields[0].Trim();
        var simpleName = GetSimpleName(id);
        if (simpleName is null)
        {
            Errors.Add(new ApiListError(path, lineNumber, span,
                $"'{id}' is not a documentation-comment id; expected T:, M:, P:, F: or E: followed by a full name, e.g. M:Acme.Face.Verify(System.Byte[])"));
            return;
        }

        if (separator >= 0 && methodText.Length == 0)
        {
            // A ';' with nothing after it is a method left out by mistake, not a deliberate "no method" (that is the
            // line without ';'), so it is refused rather than read as unchecked.
            Errors.Add(new ApiListError(path, lineNumber, span,
                $"'{id}' has nothing after ';': name its processing method (Detection, Liveness, AttributeAnalysis, Verification or Identification) or NotProcessing, or remove the ';'"));
            return;
        }

        var notProcessing = methodText == ApiListEntry.NotProcessingKeyword;
        if (notProcessing && id[0] == 'T')
        {
            Errors.Add(new ApiListError(path, lineNumber, span,
                $"'{id}' is a type: NotProcessing names a member (M:, P:) that its type's entry would otherwise cover; types nested in a listed type are never covered, and an unlisted type needs no line"));
            return;
        }

        if (notProcessing && refuseNotProcessing?.Invoke(id) is { } refusal)
        {
            Errors.Add(new ApiListError(path, lineNumber, span, refusal));
            return;
        }

        var method = ProcessingMethod.Unspecified;
        if (!notProcessing && methodText.Length > 0 && !ProcessingMethods.TryParse(methodText, out method))
        {
            Errors.Add(new ApiListError(path, lineNumber, span,
                $"'{methodText}' is not a processing method; expected Detection, Liveness, AttributeAnalysis, Verification or Identification, or NotProcessing"));
            return;
        }

        var fieldValues = new Fields();
        for (var i = 1; i < fields.Length; i++)
        {
            var error = ReadField(id, method, notProcessing, fields[i].Trim(), fieldValues);
            if (error is not null)
            {
                Errors.Add(new ApiListError(path, lineNumber, span, error));
                return;
            }
        }

        if (AttributesError(id, method, fieldValues) is { } attributesError)
        {
            Errors.Add(new ApiListError(path, lineNumber, span, attributesError));
            return;
        }

        if (_seen.TryGetValue(id, out var first))
        {
            Errors.Add(new ApiListError(path, lineNumber, span,
                $"'{id}' is listed twice; first at {System.IO.Path.GetFileName(first.Path)} line {first.Line + 1}"));
            return;
        }

        var entry = new ApiListEntry(id, id[0], simpleName, method, path, lineNumber, notProcessing, fieldValues.OffDevice, fieldValues.Provision, fieldValues.Attributes, fieldValues.AttributesWhen);
        _seen.Add(id, entry);
        Entries.Add(entry);
    }

    /// <summary>What the fields after a line's method say.</summary>
    private sealed class Fields
    {
        public bool OffDevice;
        public bool Provision;
        public int Attributes;
        public string? AttributesWhen;
    }

    /// <summary>
    /// Reads one field after the method: the flags <c>OffDevice</c> (the API sends facial data off the device) and
    /// <c>Provision</c> (the API provides facial data to another processor: FC0019), <c>Attributes=AgeBand,Gender</c> (what the API estimates: FC0016) or <c>AttributesWhen=parameter</c> (only when
    /// that argument is given), each once. Returns why the field is refused, or null.
    /// </summary>
    private static string? ReadField(string id, ProcessingMethod method, bool notProcessing, string field, Fields fields)
    {
        if (field is ApiListEntry.OffDeviceKeyword or ApiListEntry.ProvisionKeyword)
        {
            if (notProcessing || method == ProcessingMethod.Unspecified)
            {
                return $"'{id}' is marked {field} without a processing method: write <id>;<method>;{field}, e.g. ;Verification;{field}";
            }

            ref var flag = ref field == ApiListEntry.OffDeviceKeyword ? ref fields.OffDevice : ref fields.Provision;
            if (flag)
            {
                return $"'{id}' is marked {field} twice";
            }

            flag = true;
            return null;
        }

        if (field.StartsWith(ApiListEntry.AttributesPrefix, StringComparison.Ordinal))
        {
            if (fields.Attributes != 0)
            {
                return $"'{id}' names its attributes twice: list them all in one {ApiListEntry.AttributesPrefix} field";
            }

            return ReadAttributes(field.Substring(ApiListEntry.AttributesPrefix.Length), out fields.Attributes);
        }

        if (field.StartsWith(ApiListEntry.AttributesWhenPrefix, StringComparison.Ordinal))
        {
            var parameter = field.Substring(ApiListEntry.AttributesWhenPrefix.Length).Trim();
            if (fields.AttributesWhen is not null)
            {
                return $"'{id}' has {ApiListEntry.AttributesWhenPrefix} twice";
            }

            if (parameter.Length == 0 || !IsIdentifier(parameter))
            {
                return $"'{parameter}' is not a parameter name; {ApiListEntry.AttributesWhenPrefix} names the parameter whose argument requests the attributes, e.g. {ApiListEntry.AttributesWhenPrefix}returnFaceAttributes";
            }

            fields.AttributesWhen = parameter;
            return null;
        }

        return $"'{field}' is not a flag; after the method a line may add ';{ApiListEntry.OffDeviceKeyword}' (the API sends facial data off the device), ';{ApiListEntry.ProvisionKeyword}' (the API provides facial data to another processor), ';{ApiListEntry.AttributesPrefix}<names>' (the attributes the API estimates) and ';{ApiListEntry.AttributesWhenPrefix}<parameter>' (only when that argument is given), each once";
    }

    /// <summary>
    /// Attributes belong on an AttributeAnalysis line, or on a line of another processing method that estimates them
    /// only on request (<c>AttributesWhen=</c>); <c>AttributesWhen=</c> needs attributes to make conditional.
    /// </summary>
    private static string? AttributesError(string id, ProcessingMethod method, Fields fields)
    {
        if (fields.AttributesWhen is not null && fields.Attributes == 0)
        {
            return $"'{id}' has {ApiListEntry.AttributesWhenPrefix} but names no attributes: add ;{ApiListEntry.AttributesPrefix}<names>";
        }

        if (fields.Attributes != 0 && method != ProcessingMethod.AttributeAnalysis && (fields.AttributesWhen is null || method == ProcessingMethod.Unspecified))
        {
            return $"'{id}' names attributes, but only an AttributeAnalysis line estimates attributes whatever it is passed: write <id>;AttributeAnalysis;{ApiListEntry.AttributesPrefix}AgeBand,Gender, or add ;{ApiListEntry.AttributesWhenPrefix}<parameter> when the API estimates them only when that argument is given";
        }

        return null;
    }

    private static bool IsIdentifier(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return !char.IsDigit(text[0]);
    }

    private static string? ReadAttributes(string list, out int attributes)
    {
        attributes = 0;
        foreach (var part in list.Split(','))
        {
            var name = part.Trim();
            var value = AttributeValue(name);
            if (value == 0)
            {
                attributes = 0;
                return $"'{name}' is not an attribute; expected a comma-separated list of {string.Join(", ", AttributeNames())}";
            }

            attributes |= value;
        }

        return null;
    }

    private static int AttributeValue(string name)
    {
        foreach (var (value, attributeName) in LawValues.Attributes)
        {
            if (attributeName == name)
            {
                return value;
            }
        }

        return 0;
    }

    private static IEnumerable<string> AttributeNames()
    {
        foreach (var (_, name) in LawValues.Attributes)
        {
            yield return name;
        }
    }

    /// <summary>The member or type name an id designates, or null when the id is malformed.</summary>
    internal static string? GetSimpleName(string id)
    {
        if (id.Length < 3 || id[1] != ':' || "TMPFE".IndexOf(id[0]) < 0)
        {
            return null;
        }

        var name = id.Substring(2);
        var returnType = name.IndexOf('~');
        if (returnType >= 0)
        {
            name = name.Substring(0, returnType);
        }

        var parameters = name.IndexOf('(');
        if (parameters >= 0)
        {
            if (id[0] is not ('M' or 'P') || !name.EndsWith(")", StringComparison.Ordinal))
            {
                return null;
            }

            name = name.Substring(0, parameters);
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c is ';' or '(' or ')' or ',')
            {
                return null;
            }
        }

        var lastDot = name.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == name.Length - 1)
        {
            return null;
        }

        var simple = name.Substring(lastDot + 1);
        var arity = simple.IndexOf('`');
        if (arity == 0)
        {
            return null;
        }

        if (arity > 0)
        {
            simple = simple.Substring(0, arity);
        }

        return simple == "#ctor" ? ".ctor" : simple;
    }
}
