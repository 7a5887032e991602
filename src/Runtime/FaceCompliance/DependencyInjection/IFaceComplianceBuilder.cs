using Microsoft.Extensions.DependencyInjection;

namespace FaceCompliance;

/// <summary>
/// Returned by <c>services.AddFaceCompliance(…)</c>: the packages add their parts to it, for example
/// <c>.AddSqliteStore("gate.db")</c> (FaceCompliance.Sqlite) and <c>.AddOnDeviceRecognition()</c> (FaceCompliance.Vision).
/// </summary>
public interface IFaceComplianceBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
