namespace FaceCompliance.Build.Tasks;

/// <summary>The codes of the errors <see cref="WriteFacialComplianceReport"/> logs (documented in docs/generators-report.md).</summary>
internal static class ErrorCodes
{
    /// <summary>The report path is set, but the assembly has no generated report class.</summary>
    public const string NoReportClass = "FCB001";

    /// <summary>The generated report class lacks a constant this task writes to a file.</summary>
    public const string MissingConstant = "FCB002";

    /// <summary>The report folder or one of its files cannot be created or written.</summary>
    public const string CannotWrite = "FCB003";

    /// <summary>The compiled assembly cannot be read, or is not a .NET assembly.</summary>
    public const string CannotReadAssembly = "FCB004";
}
