using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaceCompliance.Build.Tasks.Tests;

/// <summary>Compiles small assemblies in memory with Roslyn and writes them where the task can read them.</summary>
internal static class TestAssemblies
{
    /// <summary>
    /// The text of each report constant used by the tests: multi-line, \n line endings, Chinese text and characters
    /// that C# and JSON escape, so that a wrong decoding or a line-ending conversion would show.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SampleContents { get; } = new Dictionary<string, string>
    {
        ["NoticeChineseMarkdown"] = "# 人脸信息处理规则\n\n### 一、个人信息处理者\n\n名称：阳光花园物业服务有限公司\n\n规则版本：`0123456789abcdef`\n",
        ["NoticeEnglishMarkdown"] = "# How we process your face information\n\n### 1. Who processes your face information\n\nName: \"Sunny\" \\ Gardens\n",
        ["RetentionMarkdown"] = "# 保存期限表 Retention schedule\n\n| Purpose | Retention |\n|---|---|\n| `A.B` | 365 日 days |\n",
        ["FilingJson"] = "{\n  \"form\": \"人脸识别技术应用情况备案表\",\n  \"tab\": \"a\\tb\"\n}",
        ["ImpactAssessmentMarkdown"] = "# 个人信息保护影响评估报告\n\n- 评估人员 Assessors: 【待填写 TO COMPLETE】\n",
        ["OperatingProceduresMarkdown"] = "# 人脸识别技术应用操作规程\n\n## 一、适用范围\n",
        ["AuthorisationLetterMarkdown"] = "# 授权委托书（模板）\n\n兹委托【待填写】\n",
        ["CommitmentLetterMarkdown"] = "# 承诺书（模板）\n\n本单位\t郑重承诺：\n",
        ["ChangeNoticesMarkdown"] = "# 人脸信息处理规则变更告知 Change notices\n\n```text\n一、人脸信息的保存期限由365日变更为180日。\n```\n",
        ["MinorsRulesChineseMarkdown"] = "# 不满十四周岁未成年人人脸信息处理规则汇总\n\n### 四、专门处理规则\n\n应当由监护人作出同意。\n",
        ["MinorsRulesEnglishMarkdown"] = "# Rules for processing the face information of children under 14\n\n### 4. Our special rules\n\nA guardian's \"own\" consent.\n",
        ["GdprNoticeMarkdown"] = "# How we process your face data (GDPR Art. 13)\n\nPurpose `Demo.OfficeEntry`:\n",
        ["GdprRecordOfProcessingMarkdown"] = "# Record of processing activities (GDPR Art. 30(1))\n\n| Purpose | Controller |\n|---|---|\n",
        ["GdprImpactAssessmentMarkdown"] = "# Data protection impact assessment (GDPR Art. 35) — skeleton\n\n- Date of the assessment: 【待填写 TO COMPLETE】\n",
        ["AiActMarkdown"] = "# AI Act classification statement (Regulation (EU) 2024/1689)\n\n**Classification: not covered**\n",
    };

    /// <summary>C# source of the generated report class, with the given members.</summary>
    /// <param name="members">C# member declarations.</param>
    /// <returns>The source.</returns>
    public static string ReportClass(IEnumerable<string> members) =>
        "namespace FaceCompliance.Generated\n{\n    internal static class FacialComplianceReport\n    {\n"
        + string.Concat(members.Select(m => "        " + m + "\n"))
        + "    }\n}\n";

    /// <summary>One <c>public const string</c> per entry.</summary>
    /// <param name="contents">Constant name to text.</param>
    /// <returns>The member declarations.</returns>
    public static IEnumerable<string> Constants(IReadOnlyDictionary<string, string> contents) =>
        contents.Select(pair => $"public const string {pair.Key} = {SymbolDisplay.FormatLiteral(pair.Value, quote: true)};");

    /// <summary>Compiles C# source to a library in <paramref name="directory"/>; fails the test on compile errors.</summary>
    /// <param name="directory">Where to write the assembly.</param>
    /// <param name="source">The source.</param>
    /// <param name="name">The assembly's name.</param>
    /// <returns>The assembly's path.</returns>
    public static string Compile(string directory, string source, string name = "Sample")
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, encoding: Encoding.UTF8)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        string path = Path.Combine(directory, name + ".dll");
        Directory.CreateDirectory(directory);
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(
                    "The test assembly does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return path;
    }
}
