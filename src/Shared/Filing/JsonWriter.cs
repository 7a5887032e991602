using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FaceCompliance.Filing;

/// <summary>
/// A minimal indented JSON writer, shared by the generator and the runtime (System.Text.Json is not available to a netstandard2.0 generator without
/// shipping it). Writes objects, arrays, strings, numbers, booleans and null; escapes per RFC 8259.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _json = new();
    private readonly Stack<bool> _hasItems = new();

    public JsonWriter StartObject(string? name = null) => Start(name, '{');

    public JsonWriter EndObject() => End('}');

    public JsonWriter StartArray(string? name = null) => Start(name, '[');

    public JsonWriter EndArray() => End(']');

    public JsonWriter String(string? name, string? value) => Value(name, value is null ? "null" : Quote(value));

    public JsonWriter Number(string? name, int value) => Value(name, value.ToString(CultureInfo.InvariantCulture));

    public JsonWriter Number(string? name, int? value) => value is null ? Value(name, "null") : Number(name, value.Value);

    public JsonWriter Boolean(string? name, bool value) => Value(name, value ? "true" : "false");

    public JsonWriter Null(string name) => Value(name, "null");

    public override string ToString() => _json.ToString() + "\n";

    private JsonWriter Start(string? name, char bracket)
    {
        Value(name, bracket.ToString());
        _hasItems.Push(false);
        return this;
    }

    private JsonWriter End(char bracket)
    {
        var hadItems = _hasItems.Pop();
        if (hadItems)
        {
            NewLine();
        }

        _json.Append(bracket);
        return this;
    }

    private JsonWriter Value(string? name, string raw)
    {
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
            {
                _json.Append(',');
            }

            _hasItems.Pop();
            _hasItems.Push(true);
            NewLine();
        }

        if (name is not null)
        {
            _json.Append(Quote(name)).Append(": ");
        }

        _json.Append(raw);
        return this;
    }

    private void NewLine() => _json.Append('\n').Append(' ', _hasItems.Count * 2);

    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
