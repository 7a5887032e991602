using System;
using System.Globalization;

namespace FaceCompliance.Benchmarks;

/// <summary>
/// Reads a bench program's command line option by option: <c>while (arguments.NextOption() is { } name)</c>, then
/// <see cref="Value"/> or <see cref="PositiveInt"/> for the option's value; a missing or bad value names the option.
/// <see cref="Parse"/> turns a bad command line into its message and the usage line.
/// </summary>
internal sealed class BenchmarkArguments(string[] args)
{
    private int _next;
    private string _option = "";

    /// <summary>
    /// Reads the options with <paramref name="parse"/>; on a bad one writes the problem and <paramref name="usage"/> to
    /// standard error and returns null.
    /// </summary>
    public static T? Parse<T>(string[] args, Func<BenchmarkArguments, T> parse, string usage)
        where T : class
    {
        try
        {
            return parse(new BenchmarkArguments(args));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: " + usage);
            return null;
        }
    }

    /// <summary>The next option's name, or null after the last.</summary>
    public string? NextOption() => _next < args.Length ? _option = args[_next++] : null;

    /// <summary>The current option's value: the next argument.</summary>
    public string Value() => _next < args.Length ? args[_next++] : throw new ArgumentException($"{_option} needs a value.");

    /// <summary>The current option's value as a positive whole number.</summary>
    public int PositiveInt() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw new ArgumentException($"{_option} needs a positive whole number.");
}
