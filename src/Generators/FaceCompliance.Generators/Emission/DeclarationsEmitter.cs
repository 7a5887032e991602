using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Reports;
using FaceCompliance.Reports;

namespace FaceCompliance.Generators.Emission;

/// <summary>
/// The assembly-level class: the processor, every purpose of the assembly, and the module initializer that
/// registers their retention schedules with the runtime; plus, when the report is on, the report class whose
/// constants the build writes to files.
/// </summary>
internal static class DeclarationsEmitter
{
    public const string HintName = "FacialDataDeclarations.g.cs";
    public const string ReportHintName = ReportFiles.ClassName + ".g.cs";

    public static string Emit(AssemblySpec spec)
    {
        var writer = GeneratedCode.Start();
        writer.Open("namespace FaceCompliance.Generated");
        writer.Line("/// <summary>Everything this assembly declares about processing facial information, as the generator compiled it.</summary>")
            .Line(GeneratedCode.Attribute)
            .Open("internal static class FacialDataDeclarations")
            .Line("/// <summary>The processor's name (个人信息处理者; Measures Art. 5 §1(1)).</summary>")
            .Line($"public const string ProcessorName = {SourceWriter.Literal(spec.Processor.Name)};")
            .Line()
            .Line("/// <summary>How people contact the processor.</summary>")
            .Line($"public const string ProcessorContact = {SourceWriter.Literal(spec.Processor.Contact)};")
            .Line()
            .Line("/// <summary>Every purpose declared in this assembly, ordered by id.</summary>")
            .Line("public static global::System.Collections.Generic.IReadOnlyList<global::FaceCompliance.FacialPurposeInfo> Purposes { get; } =");
        writer.Open("    new global::FaceCompliance.FacialPurposeInfo[]");
        foreach (var purpose in spec.Purposes)
        {
            if (purpose.Declaration.Type.CanBeExtended)
            {
                writer.Line("global::" + purpose.Declaration.Id.Replace('+', '.') + ".Info,");
            }
        }

        writer.Close(";")
            .Line()
            .Line("/// <summary>Registers every purpose's retention schedule with the runtime when this assembly is loaded.</summary>")
            .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
            .Open("internal static void Register()")
            .Open("foreach (var purpose in Purposes)")
            .Line("global::FaceCompliance.FacialPurposeRegistry.Register(purpose);")
            .Close()
            .Close()
            .Close()
            .Close();
        return writer.ToString();
    }

    public static string EmitReport(AssemblySpec spec)
    {
        var writer = GeneratedCode.Start();
        writer.Open("namespace " + ReportFiles.ClassNamespace);
        writer.Line("/// <summary>")
            .Line("/// The compliance report of this assembly. Generated only when the MSBuild property FaceComplianceReportPath is set;")
            .Line("/// after compilation the build writes each constant to its file in that folder.")
            .Line("/// </summary>")
            .Line(GeneratedCode.Attribute)
            .Open("internal static class " + ReportFiles.ClassName);
        var contents = ReportWriter.Write(spec);
        for (var i = 0; i < ReportFiles.All.Length; i++)
        {
            var (constant, fileName) = ReportFiles.All[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Line($"/// <summary>The content of {fileName}.</summary>");
            writer.StringExpression($"public const string {constant} = ", contents[i], ";");
        }

        writer.Close().Close();
        return writer.ToString();
    }
}
