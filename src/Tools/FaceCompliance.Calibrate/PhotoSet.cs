using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualBasic.FileIO;

namespace FaceCompliance.Calibrate;

/// <summary>The labelled photos to calibrate on: a folder with one sub-folder per person, or a CSV of file,person.</summary>
internal static class PhotoSet
{
    /// <summary>Every photo in the sub-folders of <paramref name="folder"/>, the sub-folder's name being the person; hidden files are ignored.</summary>
    /// <exception cref="InputException">The folder is missing, holds photos outside a person's sub-folder, or files that cannot be read.</exception>
    public static IReadOnlyList<LabelledPhoto> FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"The photo folder '{folder}' does not exist.");
        }

        var loose = Files(folder).ToList();
        if (loose.Count > 0)
        {
            throw new InputException($"{loose.Count} file(s) in '{folder}' are not in a person's sub-folder, e.g. '{Path.GetFileName(loose[0])}': put each person's photos in a sub-folder named after them.");
        }

        var photos = Directory.GetDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .SelectMany(d => Files(d).Select(f => new LabelledPhoto(Path.GetFileName(d), f)))
            .ToList();
        return Checked(photos, folder);
    }

    /// <summary>The photos a CSV lists, one <c>file,person</c> line each (quotes allowed, an optional <c>file,person</c> header); files relative to the CSV's folder.</summary>
    /// <exception cref="InputException">The CSV is missing or malformed, or lists files that are missing or cannot be read.</exception>
    public static IReadOnlyList<LabelledPhoto> FromCsv(string csvPath)
    {
        if (!File.Exists(csvPath))
        {
            throw new InputException($"The CSV file '{csvPath}' does not exist.");
        }

        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var photos = new List<LabelledPhoto>();
        using var parser = new TextFieldParser(csvPath) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(",");
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            string[] fields;
            try
            {
                fields = parser.ReadFields() ?? [];
            }
            catch (MalformedLineException e)
            {
                throw new InputException($"{csvPath}, line {e.LineNumber}: malformed CSV ({e.Message}).");
            }

            if (fields.Length == 0 || fields.All(string.IsNullOrEmpty) || (photos.Count == 0 && fields is ["file", "person"]))
            {
                continue;
            }

            if (fields.Length != 2 || fields.Any(string.IsNullOrEmpty))
            {
                throw new InputException($"{csvPath}, line {line}: expected 'file,person', found {fields.Length} field(s): '{string.Join(',', fields)}'.");
            }

            var path = Path.Combine(baseFolder, fields[0]);
            if (!File.Exists(path))
            {
                throw new InputException($"{csvPath}, line {line}: the photo '{fields[0]}' does not exist.");
            }

            photos.Add(new LabelledPhoto(fields[1], path));
        }

        return Checked(photos, csvPath);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal);

    private static IReadOnlyList<LabelledPhoto> Checked(List<LabelledPhoto> photos, string source)
    {
        var unreadable = photos.Where(p => !PhotoDecoder.CanRead(p.Path)).ToList();
        if (unreadable.Count > 0)
        {
            throw new InputException($"{unreadable.Count} photo(s) are not in a format this tool reads ({PhotoDecoder.SupportedFormats}), e.g. '{unreadable[0].Path}'.");
        }

        var people = photos.Select(p => p.Person).Distinct(StringComparer.Ordinal).Count();
        if (people < 2)
        {
            throw new InputException($"'{source}' holds photos of {people} person(s); calibration needs at least 2 people, and at least 2 photos of some of them.");
        }

        return photos;
    }
}
