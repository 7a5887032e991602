using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Code-fix tests through Microsoft.CodeAnalysis.Testing, set up like <see cref="AnalyzerTest"/>: every analyzer runs,
/// the snippet is compiled with <see cref="Prelude"/> beside it against the running .NET shared framework and the
/// FaceCompliance runtime, top-level statements make a console program. The library adds what the hand-written
/// <see cref="CodeFixTest"/> does not check: the fix is applied one diagnostic at a time until nothing is left to fix
/// (and must converge within the expected number of iterations), Fix All is run in the document, the project and the
/// solution, each result is compared with the expected text, re-parsed and compared tree for tree
/// (<see cref="CodeActionValidationMode"/>), and analyzed again; a <c>#pragma warning disable</c> must silence every
/// expected diagnostic. See Harness/README.md for which harness checks what.
/// </summary>
public static class CodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A diagnostic of <paramref name="rule"/>; its message is compared once arguments are given.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor rule) => new(rule);

    /// <summary>
    /// One test: <c>TestCode</c>/<c>FixedCode</c> (or <c>TestState</c>/<c>FixedState</c> with more files, additional
    /// files and projects), <c>CodeActionEquivalenceKey</c>, the <c>NumberOf...Iterations</c> expected, and
    /// <c>ExpectedDiagnostics</c> built with <see cref="Diagnostic"/> for message arguments.
    /// </summary>
    public sealed class Test : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    {
        /// <summary>A target framework with no reference-assembly package: <see cref="TestReferences.All"/> are the references.</summary>
        private static readonly ReferenceAssemblies NoReferenceAssemblies = new("net10.0");

        public Test()
        {
            // The test compiles against the framework it runs on (TestReferences), as AnalyzerTest does: no
            // reference-assembly package is resolved, so nothing is downloaded while the tests run.
            ReferenceAssemblies = NoReferenceAssemblies;

            // FC0010 has two descriptors (never approved, changed) of one severity: markup means either.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;

            CodeActionVerifier = (action, verifier) => verifier.Equal(EquivalenceKeyOf(action.Title), action.EquivalenceKey, $"The equivalence key of '{action.Title}' is wrong.");
        }

        /// <summary>
        /// The equivalence key the applied action must have, from its title: the title itself by default, as
        /// CodeFixTitles promises, so that Fix All groups exactly the actions a person sees as the same.
        /// </summary>
        public Func<string, string> EquivalenceKeyOf { get; set; } = title => title;

        /// <summary>Whether <see cref="Prelude"/> is compiled beside the primary project's sources (as /0/Prelude.cs).</summary>
        public bool IncludePrelude { get; set; } = true;

        /// <summary>
        /// FC0010 is compared only when <typeparamref name="TCodeFix"/> fixes it: no other snippet has an approved
        /// notice file, so every purpose would report it (as in <see cref="AnalyzerTest"/>).
        /// </summary>
        private static bool ChecksNoticeApproval { get; } = new TCodeFix().FixableDiagnosticIds.Contains(AnalyzerTest.NoticeApprovalId);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestReferences.Analyzers;

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions()
            => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (!ChecksNoticeApproval)
            {
                DisabledDiagnostics.Add(AnalyzerTest.NoticeApprovalId);
            }

            foreach (var state in new[] { TestState, FixedState, BatchFixedState })
            {
                // The fixed states inherit the references of the test state unless they inherit nothing.
                if (state == TestState || state.InheritanceMode == StateInheritanceMode.Explicit)
                {
                    state.AdditionalReferences.AddRange(TestReferences.All);
                }

                // A state without sources inherits those of the state before it, prelude included.
                if (IncludePrelude && state.Sources.Count > 0)
                {
                    state.Sources.Add(($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source));
                }
                else if (state.Sources.Count > 0 && !DefaultJurisdiction.DeclaredIn(state.Sources.Select(source => source.content.ToString())))
                {
                    state.Sources.Add(($"{AnalyzerTest.Directory}/{DefaultJurisdiction.FileName}", DefaultJurisdiction.Source));
                }

                if (state.OutputKind is null && state.Sources.Any(s => HasTopLevelStatements(s.content.ToString())))
                {
                    state.OutputKind = OutputKind.ConsoleApplication;
                }

                // Additional projects inherit no references and no DisabledDiagnostics: a state that lists them lists them anew.
                foreach (var project in state.AdditionalProjects.Values)
                {
                    project.AdditionalReferences.AddRange(TestReferences.All);
                    if (project.Sources.Count > 0 && !DefaultJurisdiction.DeclaredIn(project.Sources.Select(source => source.content.ToString())))
                    {
                        project.Sources.Add(($"/{project.Name}/{DefaultJurisdiction.FileName}", DefaultJurisdiction.Source));
                    }

                    if (!ChecksNoticeApproval)
                    {
                        project.AnalyzerConfigFiles.Add(($"/{project.Name}/.globalconfig", $"is_global = true\ndotnet_diagnostic.{AnalyzerTest.NoticeApprovalId}.severity = none\n"));
                    }
                }
            }

            return base.RunImplAsync(cancellationToken);
        }

        // Top-level statements make a program: a library with them does not compile (CS8805).
        private static bool HasTopLevelStatements(string markup)
            => CSharpSyntaxTree.ParseText(Markup.Strip(markup)).GetRoot() is CompilationUnitSyntax root && root.Members.Any(m => m is GlobalStatementSyntax);
    }
}
