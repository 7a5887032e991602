using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>Severity from .editorconfig, #pragma and [SuppressMessage] work for every rule as for any analyzer.</summary>
public sealed class ConfigurationTests
{
    private const string Unchecked = """
        public bool Enter(Frame frame, Template t) => {|FC0002:engine.Verify(frame, t)|};
        """;

    [Fact]
    public async Task Rules_are_errors_by_default()
    {
        var diagnostics = await AnalyzerTest.VerifyAsync(Snippets.InGate(Unchecked));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single().Severity);
    }

    [Fact]
    public async Task Editorconfig_lowers_a_rule_to_a_warning()
    {
        var diagnostics = await new AnalyzerTest(Snippets.InGate(Unchecked)).WithEditorConfig("""
            root = true

            [*.cs]
            dotnet_diagnostic.FC0002.severity = warning
            """).RunAsync();
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single().Severity);
    }

    [Fact]
    public Task Editorconfig_turns_a_rule_off() => new AnalyzerTest(Snippets.InGate("""
        public bool Enter(Frame frame, Template t) => engine.Verify(frame, t);
        """)).WithEditorConfig("""
        root = true

        [*.cs]
        dotnet_diagnostic.FC0002.severity = none
        """).RunAsync();

    [Fact]
    public Task Pragma_suppresses_one_line() => AnalyzerTest.VerifyAsync(Snippets.InGate("""
        public bool Enter(Frame frame, Template t)
        {
        #pragma warning disable FC0002 // consent is checked by the turnstile firmware before this runs
            var ok = engine.Verify(frame, t);
        #pragma warning restore FC0002
            return ok && {|FC0002:engine.Verify(frame, t)|};
        }
        """));

    [Fact]
    public Task SuppressMessage_suppresses_a_member() => AnalyzerTest.VerifyAsync(Snippets.InGate("""
        [System.Diagnostics.CodeAnalysis.SuppressMessage("FaceCompliance.Consent", "FC0002", Justification = "Consent is checked upstream")]
        public bool Enter(Frame frame, Template t) => engine.Verify(frame, t);
        """));

    [Fact]
    public Task Plain_code_without_declarations_reports_nothing() => new AnalyzerTest("""
        public class Calculator { public int Twice(int x) => x * 2; }
        """).WithoutPrelude().RunAsync();
}
