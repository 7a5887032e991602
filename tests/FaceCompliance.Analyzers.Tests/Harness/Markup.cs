using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>An expected diagnostic: a rule id over a span of the markup-free text.</summary>
public sealed record ExpectedDiagnostic(string Id, string Path, TextSpan Span);

/// <summary>
/// Parses <c>{|FC0002:text|}</c> markup: the diagnostic <c>FC0002</c> is expected exactly over <c>text</c>.
/// Markup nests, so two rules on one span read <c>{|FC0001:{|FC0003:x()|}|}</c>.
/// </summary>
public static class Markup
{
    public static (string Text, List<ExpectedDiagnostic> Expected) Parse(string markup, string path)
    {
        var text = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at offset {i} of {path} has no ':' after its rule id.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup '|}}' at offset {i} of {path} closes nothing.");
                }

                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, path, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup '{{|{open.Peek().Id}:' in {path} is never closed.");
        }

        return (text.ToString(), expected);
    }

    /// <summary>The text with all markup removed.</summary>
    public static string Strip(string markup) => Parse(markup, "snippet").Text;
}
