using Microsoft.Extensions.DependencyInjection;

namespace FaceCompliance;

internal sealed class FaceComplianceBuilder(IServiceCollection services) : IFaceComplianceBuilder
{
    public IServiceCollection Services { get; } = services;
}
