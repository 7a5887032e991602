using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FaceCompliance.Generators.Emission;

/// <summary>Writes C# line by line with tracked indentation; never <c>NormalizeWhitespace</c>.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>
    /// Writes <paramref name="prefix"/> followed by <paramref name="text"/> as a C# string expression, one
    /// literal per line of text joined with <c>+</c>, so that snapshots and diffs show the text as people read it.
    /// </summary>
    public SourceWriter StringExpression(string prefix, string text, string suffix)
    {
        var lines = text.Split('\n');
        var count = lines.Length;
        if (count > 1 && lines[count - 1].Length == 0)
        {
            count--;
        }

        if (count <= 1)
        {
            return Line(prefix + Literal(text) + suffix);
        }

        var continuation = prefix.Substring(0, prefix.Length - prefix.TrimStart().Length) + "    + ";
        for (var i = 0; i < count; i++)
        {
            var piece = i < count - 1 || text.EndsWith("\n", System.StringComparison.Ordinal) ? lines[i] + "\n" : lines[i];
            Line((i == 0 ? prefix : continuation) + Literal(piece) + (i == count - 1 ? suffix : ""));
        }

        return this;
    }

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public override string ToString() => _text.ToString();
}
